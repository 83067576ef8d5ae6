/** Contact fields a column of an imported contacts CSV can fill, as the import names them. */
export const CSV_CONTACT_FIELDS = [
  'external_id',
  'phone',
  'email',
  'first_name',
  'last_name',
  'time_zone',
  'locale',
  'tags',
] as const;
export type CsvContactField = (typeof CSV_CONTACT_FIELDS)[number];

/** Channels whose consent a column can give or withdraw (`consent.whatsapp`). */
export const CSV_CONSENT_CHANNELS = ['whatsapp', 'sms', 'email', 'rcs'] as const;

/** The column is left out of the import. */
export const CSV_IGNORE = 'ignore';

/**
 * How an import can read a column, as its `columns` and `mapping` name it: a field, then consent
 * per channel. Besides these, `attributes.<name>` (a custom attribute) and `ignore`.
 */
export const CSV_COLUMN_TARGETS: readonly string[] = [
  ...CSV_CONTACT_FIELDS,
  ...CSV_CONSENT_CHANNELS.map((channel) => `consent.${channel}`),
];
