import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiKeyPrefix, generateApiKey, hashApiKey } from '../auth/api-keys';
import { type ApiHarness, startApiHarness } from '../testing/api-harness';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(() => api?.stop());

type Json = Record<string, any>;

/** POST /api/contacts/import with a raw body (string, stream or form), as a client would send it. */
async function upload(
  body: string | ReadableStream<Uint8Array> | FormData,
  options: { query?: string; contentType?: string | null; key?: string } = {},
) {
  const headers: Record<string, string> = { authorization: `Bearer ${options.key ?? api.apiKey}` };
  const contentType = options.contentType === undefined ? 'text/csv' : options.contentType;
  if (contentType && !(body instanceof FormData)) headers['content-type'] = contentType;
  const res = await api.app.request(`/api/contacts/import${options.query ?? ''}`, {
    method: 'POST',
    headers,
    body,
    duplex: 'half',
  } as RequestInit);
  return { status: res.status, headers: res.headers, body: (await res.json()) as Json };
}

/**
 * The file in 16 KB chunks, the way a slow upload arrives. `halfway` runs once half the bytes
 * are sent, before the rest: the upload waits for it.
 */
function chunked(text: string, halfway?: () => Promise<unknown>): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  let paused = false;
  return new ReadableStream({
    async pull(controller) {
      if (offset >= bytes.length) return controller.close();
      if (halfway && !paused && offset >= bytes.length / 2) {
        paused = true;
        await halfway();
      }
      controller.enqueue(bytes.subarray(offset, offset + 16_384));
      offset += 16_384;
    },
  });
}

async function finished(importId: string, seen: number[] = [], key?: string) {
  return api.eventually(async () => {
    const res = await api.call<Json>('GET', `/api/contacts/imports/${importId}`, undefined, {
      key,
    });
    expect(res.status).toBe(200);
    seen.push(res.body.processedRows);
    return res.body.status !== 'processing' ? res.body : undefined;
  }, 60_000);
}

const countContacts = async () =>
  Number(
    (
      await api.sql`select count(*)::int as n from contacts where workspace_id = ${api.workspaceId}`
    )[0]?.n,
  );

describe('contacts CRUD', () => {
  test('create, read, search, page, update and delete; time zone from the phone', async () => {
    const created = await api.call<Json>('POST', '/api/contacts', {
      externalId: 'crm-1',
      phone: '+5215512345678',
      email: 'lucia@tienda.mx',
      firstName: 'Lucía',
      lastName: 'Pérez',
      tags: ['vip', 'vip', 'cdmx'],
      attributes: { plan: 'pro', points: 120 },
      consent: { whatsapp: true },
    });
    expect(created.status).toBe(201);
    const contact = created.body;
    expect(contact).toMatchObject({
      externalId: 'crm-1',
      name: 'Lucía Pérez',
      timeZone: 'America/Mexico_City',
      tags: ['vip', 'cdmx'],
      attributes: { plan: 'pro', points: 120 },
      consent: {
        whatsapp: { granted: true, source: 'api' },
        sms: null,
        email: null,
        rcs: null,
      },
      lastInboundAt: {},
      whatsappWindow: { open: false, closesAt: null },
      runs: [],
    });

    const read = await api.call<Json>('GET', `/api/contacts/${contact.id}`);
    expect(read.status).toBe(200);
    expect(read.body.email).toBe('lucia@tienda.mx');

    for (const q of ['lucia perez', 'PÉREZ', '55 1234', 'tienda.mx', 'crm-1']) {
      const found = await api.call<Json>('GET', `/api/contacts?q=${encodeURIComponent(q)}`);
      expect(found.status, q).toBe(200);
      expect(
        found.body.items.map((c: Json) => c.id),
        q,
      ).toEqual([contact.id]);
    }
    expect((await api.call<Json>('GET', '/api/contacts?q=nadie')).body.items).toEqual([]);
    expect((await api.call<Json>('GET', '/api/contacts?tag=cdmx')).body.items).toHaveLength(1);
    expect((await api.call<Json>('GET', '/api/contacts?tag=otro')).body.items).toEqual([]);

    for (const n of [1, 2, 3, 4]) {
      const more = await api.call('POST', '/api/contacts', {
        phone: `+57300000000${n}`,
        tags: ['page'],
      });
      expect(more.status).toBe(201);
    }
    const pages: string[][] = [];
    let cursor = '';
    do {
      const page: { body: Json } = await api.call<Json>(
        'GET',
        `/api/contacts?tag=page&limit=3${cursor}`,
      );
      pages.push(page.body.items.map((c: Json) => c.phone));
      // Every page says how many match in all.
      expect(page.body.total).toBe(4);
      cursor = page.body.nextBefore
        ? `&before=${encodeURIComponent(page.body.nextBefore)}&beforeId=${page.body.nextBeforeId}`
        : '';
    } while (cursor);
    expect(pages.map((p) => p.length)).toEqual([3, 1]);
    expect(pages.flat()).toEqual([
      '+573000000004',
      '+573000000003',
      '+573000000002',
      '+573000000001',
    ]);

    const patched = await api.call<Json>('PATCH', `/api/contacts/${contact.id}`, {
      firstName: 'Lucy',
      lastName: null,
      timeZone: 'america/bogota',
      tags: ['vip'],
      attributes: { plan: null, city: 'Bogotá', points: 150 },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      firstName: 'Lucy',
      lastName: null,
      name: 'Lucy',
      timeZone: 'America/Bogota',
      tags: ['vip'],
      attributes: { city: 'Bogotá', points: 150 },
      phone: '+5215512345678',
    });
    expect(patched.body.attributes).not.toHaveProperty('plan');

    expect((await api.call('DELETE', `/api/contacts/${contact.id}`)).status).toBe(204);
    expect((await api.call('GET', `/api/contacts/${contact.id}`)).status).toBe(404);
    expect((await api.call('DELETE', `/api/contacts/${contact.id}`)).status).toBe(404);
  });

  test('invalid bodies are 400 problems with field paths; a taken identity is 409', async () => {
    const cases: [string, unknown, string][] = [
      ['POST', { phone: '5512345678' }, 'phone'],
      ['POST', { phone: '+5215500000001', email: 'no-es-correo' }, 'email'],
      ['POST', { phone: '+5215500000001', timeZone: 'Mars/Olympus' }, 'timeZone'],
      ['POST', { firstName: 'Sin datos' }, 'phone'],
      ['POST', { phone: '+5215500000001', consent: { whatsapp: 'sí' } }, 'consent.whatsapp'],
      ['POST', { phone: '+5215500000001', locale: 'español de México' }, 'locale'],
      ['POST', { phone: '+5215500000001', first_name: 'snake' }, ''],
    ];
    for (const [method, body, path] of cases) {
      const res = await api.call<Json>(method, '/api/contacts', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const paths = res.body.errors.map((e: Json) => e.path);
      if (path) expect(paths, JSON.stringify(body)).toContain(path);
      else expect(paths.length).toBeGreaterThan(0);
    }
    const first = await api.call<Json>('POST', '/api/contacts', {
      externalId: 'dup-1',
      phone: '+5215500000002',
    });
    expect(first.status).toBe(201);
    const again = await api.call<Json>('POST', '/api/contacts', {
      externalId: 'dup-1',
      email: 'otro@tienda.mx',
    });
    expect(again.status).toBe(409);
    expect(again.body.errors[0].path).toBe('externalId');
    const samePhone = await api.call<Json>('POST', '/api/contacts', { phone: '+5215500000002' });
    expect(samePhone.status).toBe(409);
    expect(samePhone.body).toMatchObject({ contactId: first.body.id, errors: [{ path: 'phone' }] });

    const other = await api.call<Json>('POST', '/api/contacts', { externalId: 'dup-2' });
    const steal = await api.call<Json>('PATCH', `/api/contacts/${other.body.id}`, {
      externalId: 'dup-1',
    });
    expect(steal.status).toBe(409);
    const orphan = await api.call<Json>('PATCH', `/api/contacts/${other.body.id}`, {
      externalId: null,
    });
    expect(orphan.status).toBe(400);
    expect(orphan.body.errors[0].path).toBe('phone');
    const badPatch = await api.call<Json>('PATCH', `/api/contacts/${other.body.id}`, {
      phone: '+52 55',
      consent: { fax: true },
    });
    expect(badPatch.status).toBe(400);
    expect(badPatch.body.errors.map((e: Json) => e.path)).toEqual(
      expect.arrayContaining(['phone', 'consent']),
    );
    expect((await api.call('GET', '/api/contacts/not-a-uuid')).status).toBe(400);
    expect((await api.call('GET', '/api/contacts?limit=1000')).status).toBe(400);
  });

  test('consent per channel is recorded with time and source; others are kept', async () => {
    const created = await api.call<Json>('POST', '/api/contacts', {
      phone: '+5215500000010',
      consent: { whatsapp: true, sms: true },
    });
    const id = created.body.id;
    const before = Date.now();
    const changed = await api.call<Json>('PATCH', `/api/contacts/${id}`, {
      consent: { whatsapp: false, email: true },
    });
    expect(changed.status).toBe(200);
    const { consent } = changed.body;
    expect(consent.whatsapp).toMatchObject({ granted: false, source: 'api' });
    expect(consent.email).toMatchObject({ granted: true, source: 'api' });
    expect(consent.sms).toMatchObject({ granted: true, source: 'api' });
    expect(consent.rcs).toBeNull();
    expect(new Date(consent.whatsapp.at).getTime()).toBeGreaterThanOrEqual(before - 1_000);
    const [row] = await api.sql`select consent from contacts where id = ${id}`;
    expect(row?.consent.whatsapp).toEqual({
      granted: false,
      at: consent.whatsapp.at,
      source: 'api',
    });
  });

  test('deleting a contact exits its runs in flight through the workflow, then removes it', async () => {
    const created = await api.call<Json>('POST', '/api/journeys', {
      name: 'Carrito (borrar contacto)',
      templateId: 'abandoned_cart',
    });
    const journeyId = created.body.id;
    const draft = created.body.draft;
    delete draft.settings.quietHours;
    await api.call('PUT', `/api/journeys/${journeyId}/draft`, { definition: draft });
    expect((await api.call('POST', `/api/journeys/${journeyId}/publish`)).status).toBe(201);
    expect((await api.call('POST', `/api/journeys/${journeyId}/activate`, {})).status).toBe(200);
    const ingest = await api.call<Json>('POST', '/api/events', {
      id: 'evt-delete-contact',
      name: 'cart_abandoned',
      contact: { externalId: 'to-delete', phone: '+5215577778888', consent: { whatsapp: true } },
      properties: { cart_id: 'D-1', cart_url: 'https://tienda.mx/c/D-1' },
    });
    const { contactId, enrollments } = ingest.body.results[0];
    const runId = enrollments.find((e: Json) => e.journeyId === journeyId).runId;
    await api.eventually(
      async () =>
        (await api.call<Json>('GET', `/api/runs/${runId}`)).body.currentNode === 'wait_cart',
    );
    const detail = await api.call<Json>('GET', `/api/contacts/${contactId}`);
    expect(detail.body.runs).toEqual([
      expect.objectContaining({
        id: runId,
        journeyName: 'Carrito (borrar contacto)',
        status: 'active',
        outcome: null,
      }),
    ]);
    const [run] = await api.sql<{ workflow_id: string }[]>`
      select workflow_id from runs where id = ${runId}`;
    const workflowId = run?.workflow_id as string;

    expect((await api.call('DELETE', `/api/contacts/${contactId}`)).status).toBe(204);
    const description = await api.temporal.workflow.getHandle(workflowId).describe();
    expect(description.status.name).toBe('COMPLETED');
    const history = await api.temporal.workflow.getHandle(workflowId).fetchHistory();
    const signals = (history.events ?? []).filter(
      (e) => e.workflowExecutionSignaledEventAttributes?.signalName === 'exit',
    );
    expect(signals).toHaveLength(1);
    expect((await api.call('GET', `/api/contacts/${contactId}`)).status).toBe(404);
    expect(await api.sql`select 1 from runs where id = ${runId}`).toHaveLength(0);
  });

  test("another workspace's contacts and imports are 404 and never listed", async () => {
    const mine = await api.call<Json>('POST', '/api/contacts', {
      externalId: 'solo-mio',
      firstName: 'Privado',
    });
    const imported = await upload('external_id,first_name\nsolo-mio-2,Privada\n');
    expect(imported.status).toBe(202);
    await finished(imported.body.importId);
    const [other] = await api.sql<{ id: string }[]>`
      insert into workspaces (name) values ('Otra tienda') returning id`;
    const otherKey = generateApiKey();
    await api.sql`insert into api_keys (workspace_id, name, prefix, key_hash)
      values (${other?.id as string}, 'k', ${apiKeyPrefix(otherKey)}, ${hashApiKey(otherKey)})`;
    const as = { key: otherKey };
    const id = mine.body.id;
    expect((await api.call('GET', `/api/contacts/${id}`, undefined, as)).status).toBe(404);
    expect((await api.call('PATCH', `/api/contacts/${id}`, { firstName: 'X' }, as)).status).toBe(
      404,
    );
    expect((await api.call('DELETE', `/api/contacts/${id}`, undefined, as)).status).toBe(404);
    expect(
      (await api.call('GET', `/api/contacts/imports/${imported.body.importId}`, undefined, as))
        .status,
    ).toBe(404);
    const list = await api.call<Json>('GET', '/api/contacts?q=solo-mio', undefined, as);
    expect(list.body.items).toEqual([]);
    const theirs = await upload('external_id,first_name\nsolo-mio,De otra tienda\n', {
      key: otherKey,
    });
    expect(theirs.status).toBe(202);
    expect(await finished(theirs.body.importId, [], otherKey)).toMatchObject({
      created: 1,
      updated: 0,
    });
    expect((await api.call<Json>('GET', `/api/contacts/${id}`)).body.firstName).toBe('Privado');
  });
});

describe('CSV import', () => {
  test('2,000 rows (2.7 MB, over the JSON limit) stream in and import, progress reaching completion', async () => {
    const note = 'x'.repeat(1_300);
    const lines = ['external_id,phone,email,first_name,tags,consent_whatsapp,plan,notes'];
    for (let i = 0; i < 2_000; i++) {
      const n = String(i).padStart(4, '0');
      lines.push(
        `bulk-${n},+521559${n.padStart(7, '0')},bulk${n}@tienda.mx,Cliente ${n},bulk|lote-${i % 3},${i % 2 ? 'sí' : 'no'},${i % 5 ? 'básico' : 'pro'},${note}`,
      );
    }
    const csv = `${lines.join('\r\n')}\r\n`;
    expect(csv.length).toBeGreaterThan(2 * 1024 * 1024);
    const before = await countContacts();
    const started = Date.now();
    // Streamed for real: halfway through the upload, rows already read show as progress.
    let midUpload: Json | undefined;
    const res = await upload(
      chunked(csv, async () => {
        midUpload = await api.eventually(async () => {
          const [job] = await api.sql`
            select status, phase, processed_rows, total_rows from contact_imports
            where workspace_id = ${api.workspaceId} order by created_at desc limit 1`;
          return job && job.processed_rows >= 500 ? job : undefined;
        });
      }),
    );
    expect(midUpload).toMatchObject({
      status: 'processing',
      phase: 'validating',
      total_rows: null,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body).toMatchObject({ status: 'processing', totalRows: 2_000, dryRun: false });
    const seen: number[] = [];
    const job = await finished(res.body.importId, seen);
    const elapsed = Date.now() - started;
    expect(job).toMatchObject({
      status: 'completed',
      phase: 'done',
      processedRows: 2_000,
      totalRows: 2_000,
      created: 2_000,
      updated: 0,
      errors: [],
      columns: {
        external_id: 'external_id',
        consent_whatsapp: 'consent.whatsapp',
        plan: 'attributes.plan',
      },
    });
    expect(seen.every((n, i) => i === 0 || n >= (seen[i - 1] as number))).toBe(true);
    expect(await countContacts()).toBe(before + 2_000);
    const [sample] = await api.sql`
      select phone, email, tags, attributes->>'plan' as plan, consent->'whatsapp'->>'granted' as whatsapp,
             consent->'whatsapp'->>'source' as source, time_zone
      from contacts where external_id = 'bulk-0005'`;
    expect(sample).toEqual({
      phone: '+5215590000005',
      email: 'bulk0005@tienda.mx',
      tags: ['bulk', 'lote-2'],
      plan: 'pro',
      whatsapp: 'true',
      source: 'import',
      time_zone: 'America/Mexico_City',
    });
    console.info(`import of 2,000 rows (${(csv.length / 1e6).toFixed(1)} MB): ${elapsed} ms`);

    const ids = new Set<string>();
    let cursor = '';
    do {
      const page: { body: Json } = await api.call<Json>(
        'GET',
        `/api/contacts?tag=lote-1&limit=200${cursor}`,
      );
      for (const c of page.body.items) ids.add(c.id);
      cursor = page.body.nextBefore
        ? `&before=${encodeURIComponent(page.body.nextBefore)}&beforeId=${page.body.nextBeforeId}`
        : '';
    } while (cursor);
    expect(ids.size).toBe(667);
  });

  test('3 bad rows among 100: nothing imported, 422 lists each line and column', async () => {
    const lines = ['external_id,phone,email,time_zone,consent_sms'];
    for (let i = 1; i <= 100; i++) {
      const row = [`bad-file-${i}`, `+5730012${String(i).padStart(5, '0')}`, '', '', 'yes'];
      if (i === 10) row[1] = '300 123 4567';
      if (i === 50) row[2] = 'sin-arroba.com';
      if (i === 77) {
        row[3] = 'Mars/Olympus';
        row[4] = 'quizás';
      }
      lines.push(row.join(','));
    }
    const before = await countContacts();
    const res = await upload(lines.join('\n'));
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const where = res.body.errors.map((e: Json) => [e.line, e.column]);
    expect(where).toEqual([
      [11, 'phone'],
      [51, 'email'],
      [78, 'time_zone'],
      [78, 'consent_sms'],
    ]);
    expect(res.body.errors[0]).toMatchObject({
      path: 'lines[11].phone',
      message: expect.stringContaining('E.164'),
    });
    expect(res.body.detail).toContain('3 line(s)');
    expect(await countContacts()).toBe(before);
    expect(await api.sql`select 1 from contacts where external_id like 'bad-file-%'`).toHaveLength(
      0,
    );
    const job = await api.call<Json>('GET', `/api/contacts/imports/${res.body.importId}`);
    expect(job.body).toMatchObject({ status: 'failed', errorCount: 4, totalRows: 100 });
    expect(job.body.errors.map((e: Json) => e.line)).toEqual([11, 51, 78, 78]);
    expect(await api.sql`select 1 from contact_import_rows`).toHaveLength(0);
  });

  test('phones as Mexican spreadsheets write them, read in the country the page names', async () => {
    const file = [
      'external_id,phone,first_name',
      'mx-local-1,55 1234 5678,Ana',
      'mx-local-2,(33) 3615-1234,Beto',
      'mx-local-3,+52 81 8123 4567,Carla',
      'mx-local-4,55 12,Dani',
    ].join('\n');
    // Without a country a local number cannot be read: the row says where and why.
    const refused = await upload(file);
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((e: Json) => e.line)).toEqual([2, 3, 5]);
    // With MX the three real numbers are read; the short one says which country was tried.
    const withCountry = await upload(file, { query: '?country=MX' });
    expect(withCountry.status).toBe(422);
    expect(withCountry.body.errors).toEqual([
      expect.objectContaining({
        line: 5,
        column: 'phone',
        code: 'not_phone_in_country',
        message_es: expect.stringContaining('«55 12» no es un teléfono válido de México'),
      }),
    ]);
    // Skipping the bad row imports the other three, and the import's status lists what it left out.
    const skipped = await upload(file, { query: '?country=MX&skipInvalid=true' });
    expect(skipped.status).toBe(202);
    expect(skipped.body).toMatchObject({ totalRows: 3, skippedRows: 1, skipped: { rows: 1 } });
    const job = await finished(skipped.body.importId);
    expect(job).toMatchObject({ status: 'completed', created: 3, errorCount: 1 });
    expect(job.errors.map((e: Json) => [e.line, e.column])).toEqual([[5, 'phone']]);
    const phones = await api.sql<{ external_id: string; phone: string }[]>`
      select external_id, phone from contacts where external_id like 'mx-local-%' order by 1`;
    expect(phones).toEqual([
      { external_id: 'mx-local-1', phone: '+525512345678' },
      { external_id: 'mx-local-2', phone: '+523336151234' },
      { external_id: 'mx-local-3', phone: '+528181234567' },
    ]);
  });

  test('skipping bad rows never imports a file that cannot be read, nor one with no good row', async () => {
    const noGoodRow = await upload('external_id,phone\nnone-good,12\n', {
      query: '?skipInvalid=true',
    });
    expect(noGoodRow.status).toBe(422);
    const badHeader = await upload('phone,phone\n+525512345678,+525512345679\n', {
      query: '?skipInvalid=true',
    });
    expect(badHeader.status).toBe(422);
  });

  test('rows with a phone already known update that contact instead of duplicating it', async () => {
    const existing = await api.call<Json>('POST', '/api/contacts', {
      phone: '+5215544443333',
      firstName: 'Ana',
      attributes: { plan: 'basic', since: 2020 },
      tags: ['old'],
    });
    const csv = [
      'phone,first_name,last_name,plan,tags',
      '+52 1 55 4444 3333,Ana María,,pro,nuevo',
      '+5215566667777,Beto,,basic,',
      '+52 (1) 55 6666-7777,,Gómez,,vip',
    ].join('\n');
    const res = await upload(csv);
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(await finished(res.body.importId)).toMatchObject({
      status: 'completed',
      created: 1,
      updated: 2,
      processedRows: 3,
    });
    const rows = await api.sql`
      select id, first_name, last_name, attributes, tags from contacts
      where phone in ('+5215544443333', '+5215566667777') order by phone`;
    expect(rows).toEqual([
      {
        id: existing.body.id,
        first_name: 'Ana María',
        last_name: null,
        attributes: { plan: 'pro', since: 2020 },
        tags: ['old', 'nuevo'],
      },
      expect.objectContaining({ first_name: 'Beto', last_name: 'Gómez', tags: ['vip'] }),
    ]);
  });

  test('UTF-8 BOM, accents, semicolons, quoted multi-line cells and multipart uploads', async () => {
    const csv =
      '\uFEFFexternal_id;Nombre;Apellido;Ciudad de envío;Nota\r\n' +
      'acc-1;José;Núñez;Bogotá;"Pidió ""envío"" exprés;\r\nllamar después"\r\n' +
      '\r\n' +
      'acc-2;Søren;Ærø;São Paulo;ñandú 🐦\r\n';
    const form = new FormData();
    form.append('note', 'ignored');
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'clientes.csv');
    const res = await upload(form);
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const job = await finished(res.body.importId);
    expect(job).toMatchObject({
      status: 'completed',
      created: 2,
      fileName: 'clientes.csv',
      columns: {
        external_id: 'external_id',
        Nombre: 'first_name',
        'Ciudad de envío': 'attributes.ciudad_de_envio',
      },
    });
    const rows = await api.sql`
      select external_id, first_name, last_name, attributes from contacts
      where external_id in ('acc-1', 'acc-2') order by external_id`;
    expect(rows).toEqual([
      {
        external_id: 'acc-1',
        first_name: 'José',
        last_name: 'Núñez',
        attributes: { ciudad_de_envio: 'Bogotá', nota: 'Pidió "envío" exprés;\r\nllamar después' },
      },
      {
        external_id: 'acc-2',
        first_name: 'Søren',
        last_name: 'Ærø',
        attributes: { ciudad_de_envio: 'São Paulo', nota: 'ñandú 🐦' },
      },
    ]);
    const search = await api.call<Json>('GET', '/api/contacts?q=jose%20nunez');
    expect(search.body.items.map((c: Json) => c.externalId)).toEqual(['acc-1']);

    const latin1 = Buffer.from('external_id,first_name\nlat-1,Jos\xe9\n', 'latin1');
    const bad = await upload(new Blob([latin1]).stream());
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toMatchObject({
      line: 2,
      column: 'first_name',
      message: expect.stringContaining('UTF-8'),
    });
  });

  test('dry run counts what would change and writes nothing', async () => {
    await api.call('POST', '/api/contacts', { externalId: 'dry-1', firstName: 'Antes' });
    const res = await upload('external_id,first_name\ndry-1,Después\ndry-2,Nuevo\n', {
      query: '?dryRun=true',
    });
    expect(res.status).toBe(202);
    expect(res.body.dryRun).toBe(true);
    expect(await finished(res.body.importId)).toMatchObject({
      status: 'completed',
      dryRun: true,
      created: 1,
      updated: 1,
    });
    const rows = await api.sql`
      select external_id, first_name from contacts where external_id like 'dry-%'`;
    expect(rows).toEqual([{ external_id: 'dry-1', first_name: 'Antes' }]);
  });

  test('a column the automatic reading misses is read as the phone when mapped; bad mappings are 400', async () => {
    const file = [
      'Nombre,WhatsApp del cliente,Notas',
      'Lupe,55 8765 4301,VIP',
      'Memo,(33) 3615-4302,llamar',
    ].join('\n');
    const mapping = (value: Record<string, string>) =>
      `&mapping=${encodeURIComponent(JSON.stringify(value))}`;
    // Read automatically, «WhatsApp del cliente» is an attribute: no column identifies the contact.
    const automatic = await upload(file, { query: '?dryRun=true&country=MX' });
    expect(automatic.status).toBe(422);
    expect(automatic.body.errors.map((e: Json) => e.code)).toEqual(['identity_column_missing']);
    expect(automatic.body.columns).toEqual({
      Nombre: 'first_name',
      'WhatsApp del cliente': 'attributes.whatsapp_del_cliente',
      Notas: 'attributes.notas',
    });
    // Ignoring it does not give the file an identity either.
    const ignored = await upload(file, {
      query: `?dryRun=true&country=MX${mapping({ 'WhatsApp del cliente': 'ignore' })}`,
    });
    expect(ignored.status).toBe(422);
    expect(ignored.body.columns['WhatsApp del cliente']).toBe('ignore');

    // A column the file does not have, a target that does not exist, a mapping that is no object.
    const noColumn = await upload(file, { query: `?dryRun=true${mapping({ Celular: 'phone' })}` });
    expect(noColumn.status).toBe(400);
    expect(noColumn.body).toMatchObject({
      code: 'mapping_column_unknown',
      params: { column: 'Celular', headers: 'Nombre, WhatsApp del cliente, Notas' },
      detail_es: expect.stringContaining('«Celular», que no está en el archivo'),
    });
    const noTarget = await upload(file, {
      query: `?dryRun=true${mapping({ 'WhatsApp del cliente': 'telefono' })}`,
    });
    expect(noTarget.status).toBe(400);
    expect(noTarget.body).toMatchObject({
      code: 'mapping_target_unknown',
      detail_pt: expect.stringContaining(
        'A coluna «WhatsApp del cliente» não pode ser lida como «telefono»',
      ),
    });
    const notJson = await upload(file, { query: '?dryRun=true&mapping=phone' });
    expect(notJson.status).toBe(400);
    expect(notJson.body.errors[0]).toMatchObject({
      path: 'query.mapping',
      code: 'mapping_not_object',
    });
    expect(await api.sql`select 1 from contacts where phone like '+52%87654301'`).toHaveLength(0);

    // Mapped to the phone (the notes left out): the dry run says so and counts, writing nothing…
    const chosen = mapping({ ' WhatsApp del cliente': 'phone', Notas: 'ignore' });
    const dry = await upload(file, { query: `?dryRun=true&country=MX${chosen}` });
    expect(dry.status, JSON.stringify(dry.body)).toBe(202);
    const columns = { Nombre: 'first_name', 'WhatsApp del cliente': 'phone', Notas: 'ignore' };
    expect(dry.body.columns).toEqual(columns);
    expect(Object.keys(dry.body.columns)).toEqual(Object.keys(columns)); // the file's order
    expect(await finished(dry.body.importId)).toMatchObject({
      status: 'completed',
      dryRun: true,
      created: 2,
      updated: 0,
      columns,
    });
    // …and the import with the same mapping creates the contacts with their phones in E.164.
    const real = await upload(file, { query: `?country=MX${chosen}` });
    expect(real.status, JSON.stringify(real.body)).toBe(202);
    expect(await finished(real.body.importId)).toMatchObject({ status: 'completed', created: 2 });
    const rows = await api.sql`
      select first_name, phone, attributes from contacts
      where phone in ('+525587654301', '+523336154302') order by first_name`;
    expect(rows).toEqual([
      { first_name: 'Lupe', phone: '+525587654301', attributes: {} },
      { first_name: 'Memo', phone: '+523336154302', attributes: {} },
    ]);
  });

  test('broken files and requests are refused with reasons', async () => {
    const cases: [Parameters<typeof upload>, number, string][] = [
      [['first_name,plan\nAna,pro\n'], 422, 'external_id'],
      [['phone,phone\n+5215500000000,+5215500000000\n'], 422, 'phone'],
      [['phone,first_name\n'], 422, '(file)'],
      [[''], 422, '(file)'],
      [['phone,name\n+5215500000000,"sin cerrar\n'], 422, '(file)'],
      [['phone,first_name\n+5215500000099,Ana,extra\n'], 422, '#3'],
      [['{"phone":"+5215500000000"}', { contentType: 'application/json' }], 415, ''],
    ];
    for (const [args, status, column] of cases) {
      const res = await upload(...args);
      expect(res.status, JSON.stringify(args)).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      if (column) expect(res.body.errors[0].column, JSON.stringify(args)).toBe(column);
    }
    const form = new FormData();
    form.append('other', new Blob(['phone\n+5215500000000\n']), 'x.csv');
    const noFile = await upload(form);
    expect(noFile.status).toBe(400);
    expect(noFile.body.errors[0].path).toBe('file');

    const huge = await api.app.request('/api/contacts/import', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${api.apiKey}`,
        'content-type': 'text/csv',
        'content-length': String(60 * 1024 * 1024),
      },
      body: 'phone\n',
    });
    expect(huge.status).toBe(413);
    const tooBigForJson = await api.call('POST', '/api/contacts', {
      phone: '+5215500000000',
      attributes: { blob: 'x'.repeat(3 * 1024 * 1024) },
    });
    expect(tooBigForJson.status).toBe(413);
  });
});
