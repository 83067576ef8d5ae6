import { describe, expect, test } from 'vitest';
import { parseTemplate } from './parse-template';
import { templateVariables } from './template-variables';

describe('templateVariables', () => {
  test.each<[string, string[]]>([
    ['Hola {{ contact.first_name }}', ['contact.first_name']],
    ['Sin variables', []],
    ['{{ journey.name }} {{ journey.name }}', ['journey.name']],
    [
      '{% for item in event.items %}{{ item.name }} {{ forloop.index }}{% endfor %}',
      ['event.items'],
    ],
    ['{% assign n = contact.first_name | default: "amigo" %}{{ n }}', ['contact.first_name']],
    ['{% if contact.vip %}{{ event.cart_url }}{% endif %}', ['contact.vip', 'event.cart_url']],
    ['{{ event.items[0].name }}', ['event.items']],
    ['{{ contact[event.key] }}', ['contact', 'event.key']],
    ['{{ "Hola " | append: contact.last_name }}', ['contact.last_name']],
    ['{{ broken', []],
  ])('%s', (source, expected) => {
    expect(templateVariables(source).sort()).toEqual([...expected].sort());
  });
});

describe('parseTemplate', () => {
  test('accepts a valid template', () => {
    expect(parseTemplate('Hola {{ contact.first_name | capitalize }}')).toEqual({ ok: true });
  });

  test.each([
    ['{% if contact.vip %}sin cerrar', 1, 1, 'falta cerrar'],
    ['Hola\n  {{ contact.first_name | saludo }}', 2, 3, 'saludo'],
    ['{% include "otro" %}', 1, 1, 'include'],
    ['uno\ndos {{ contact.first_name ', 2, 5, '}}'],
  ])('%j is rejected at line %i column %i', (source, line, column, fragment) => {
    const result = parseTemplate(source);
    expect(result).toMatchObject({ ok: false, line, column });
    if (!result.ok) {
      expect(result.error.es).toContain(`línea ${line}, columna ${column}`);
      expect(result.error.es).toContain(fragment);
      expect(result.error.en).toContain(`line ${line}, column ${column}`);
    }
  });
});
