import type { Locator } from 'playwright-core';
import { expect, test } from 'vitest';
import { callApi, loggedInPage, screenshot } from '../browser';

const session = loggedInPage('es-MX');

type Json = Record<string, any>;

/** The words of the option a <select> shows. */
const shownOption = (select: Locator) =>
  select.evaluate((element: HTMLSelectElement) => element.selectedOptions[0]?.textContent);

/**
 * Issue «Inspect and prove», item 7: a Mexican shop's spreadsheet — local numbers as people write
 * them, one broken row — imported from «Contactos»: the page says which line and column is wrong,
 * in Spanish, and imports the rest when asked. A column Ruta does not recognize is read the way the
 * marketer picks in the preview (issue #19, item 7).
 */
test('story 17: a CSV with local Mexican numbers and one bad row: the problem in the page, then the good rows imported', async () => {
  const { page } = session;
  await page.goto('/contacts');
  await page.getByRole('heading', { name: 'Contactos', level: 1 }).waitFor();
  // The browser is es-MX: local numbers are read as Mexican unless the marketer says otherwise.
  expect(await page.getByTestId('csv-country').inputValue()).toBe('MX');

  const csv = [
    'external_id,first_name,phone,consent_whatsapp',
    'hoja-1,Lupita,55 1234 5617,sí',
    'hoja-2,Memo,(33) 3615-1717,sí',
    'hoja-3,Chuy,55 12,sí',
  ].join('\n');
  await page.getByTestId('csv-input').setInputFiles({
    name: 'clientes.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });
  const problems = page.getByTestId('import-problems');
  await problems.waitFor();
  // textContent: as written, before CSS upper-cases the heading.
  await expect
    .poll(() => problems.textContent())
    .toContain('Filas con problemas: no se importó nada');
  const text = await problems.innerText();
  expect(text).toContain('Línea');
  expect(text).toMatch(/4\s+phone\s+«55 12» no es un teléfono válido de México/);
  await screenshot(page, '17-csv-problems');
  expect(await callApi<Json>('GET', '/contacts?q=hoja-')).toMatchObject({ items: [] });

  await page.getByTestId('import-valid-rows').click();
  const progress = page.getByTestId('import-progress');
  await expect.poll(() => progress.innerText()).toContain('Importados: 2 nuevos, 0 actualizados');
  expect(await progress.textContent()).toContain('Filas omitidas por tener problemas');
  await screenshot(page, '17-csv-imported');

  const listed = await callApi<Json>('GET', '/contacts?q=hoja-');
  const phones = listed.items.map((c: Json) => c.phone).sort();
  expect(phones).toEqual(['+523336151717', '+525512345617']);
  await page.getByText('+525512345617').waitFor();

  // A clean file is shown before it is imported: how each column is read, and what it will do.
  await page.getByTestId('csv-input').setInputFiles({
    name: 'nuevos.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('external_id,first_name,phone,talla\nhoja-4,Rocío,55 1234 5699,M\n'),
  });
  const preview = page.getByTestId('import-preview');
  await preview.waitFor();
  const readAs = (header: string) => preview.getByLabel(`Cómo se lee la columna «${header}»`);
  expect(await shownOption(readAs('phone'))).toBe('Teléfono');
  expect(await shownOption(readAs('talla'))).toBe('Atributo personalizado');
  expect(await preview.getByLabel('Nombre del atributo para «talla»').inputValue()).toBe('talla');
  const counts = preview.getByTestId('import-counts');
  expect(await counts.innerText()).toBe(
    'Se crearán 1 contactos y se actualizarán 0. Aún no se importó nada.',
  );
  expect(await callApi<Json>('GET', '/contacts?q=hoja-4')).toMatchObject({ items: [] });
  await screenshot(page, '17-csv-preview');
  await page.getByTestId('import-confirm').click();
  await expect.poll(() => progress.innerText()).toContain('Importados: 1 nuevos, 0 actualizados');
  expect((await callApi<Json>('GET', '/contacts?q=hoja-4')).items[0]).toMatchObject({
    phone: '+525512345699',
    attributes: { talla: 'M' },
  });

  // «WhatsApp del cliente» is not a header Ruta knows: read as a custom attribute, each row is a
  // new contact by its email. Read as the phone, Lupita's row is her, already imported above.
  await page.getByTestId('csv-input').setInputFiles({
    name: 'whatsapp.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      [
        'Correo,Nombre,WhatsApp del cliente',
        'lupita@hoja.mx,Lupita,55 1234 5617',
        'nacho@hoja.mx,Nacho,33 3615 1799',
      ].join('\n'),
    ),
  });
  await preview.waitFor();
  const whatsapp = readAs('WhatsApp del cliente');
  expect(await shownOption(whatsapp)).toBe('Atributo personalizado');
  const attributeName = preview.getByLabel('Nombre del atributo para «WhatsApp del cliente»');
  expect(await attributeName.inputValue()).toBe('whatsapp_del_cliente');
  expect(await counts.innerText()).toContain('Se crearán 2 contactos y se actualizarán 0.');
  await whatsapp.selectOption({ label: 'Teléfono' });
  await expect
    .poll(() => counts.innerText())
    .toContain('Se crearán 1 contactos y se actualizarán 1.');
  expect(await shownOption(whatsapp)).toBe('Teléfono');
  expect(await attributeName.count()).toBe(0);
  await screenshot(page, '17-csv-remapped');
  expect(await callApi<Json>('GET', '/contacts?q=nacho')).toMatchObject({ items: [] });
  await page.getByTestId('import-confirm').click();
  await expect.poll(() => progress.innerText()).toContain('Importados: 1 nuevos, 1 actualizados');
  const remapped = await callApi<Json>('GET', '/contacts?q=hoja.mx');
  expect(remapped.items.map((c: Json) => [c.firstName, c.phone, c.email]).sort()).toEqual([
    ['Lupita', '+525512345617', 'lupita@hoja.mx'],
    ['Nacho', '+523336151799', 'nacho@hoja.mx'],
  ]);
  expect(remapped.items.map((c: Json) => c.attributes)).toEqual([{}, {}]);

  // Her whole story is one click away: consent, journeys, and what happened, in words.
  await page.getByRole('link', { name: 'Lupita' }).click();
  await page.getByRole('heading', { name: 'Lupita', level: 1 }).waitFor();
  const story = page.getByTestId('contact-story');
  await expect.poll(() => story.innerText()).toContain('Dio su consentimiento para WhatsApp');
  expect(await page.locator('.contact-page').innerText()).toMatch(/WhatsApp\s+sí, desde/);
  await screenshot(page, '17-contact-story');
});
