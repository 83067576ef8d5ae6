// Country calling code (and, where a country spans several zones, area code) → IANA time zone.
// Used only when a contact has no time zone of its own.

/** Countries with one zone (or one for practical purposes). */
export const countryZones: Record<string, string> = {
  '34': 'Europe/Madrid',
  '351': 'Europe/Lisbon',
  '51': 'America/Lima',
  '53': 'America/Havana',
  '54': 'America/Argentina/Buenos_Aires',
  '56': 'America/Santiago',
  '57': 'America/Bogota',
  '58': 'America/Caracas',
  '502': 'America/Guatemala',
  '503': 'America/El_Salvador',
  '504': 'America/Tegucigalpa',
  '505': 'America/Managua',
  '506': 'America/Costa_Rica',
  '507': 'America/Panama',
  '591': 'America/La_Paz',
  '593': 'America/Guayaquil',
  '595': 'America/Asuncion',
  '598': 'America/Montevideo',
};

/** Mexico (+52): 2- or 3-digit area codes outside central time. Everything else: Mexico City. */
// biome-ignore format: area code lists read better packed
export const mexicoAreaCodes: Record<string, string[]> = {
  'America/Tijuana': ['664', '686', '646', '665', '661', '616', '658'],
  'America/Hermosillo': ['662', '644', '631', '642', '653', '622', '623', '633', '634', '637', '638', '641', '643', '645', '647'],
  'America/Mazatlan': ['669', '667', '668', '672', '673', '687', '694', '695', '696', '697', '698', '612', '613', '615', '624', '311', '319', '323', '324', '325', '327'],
  'America/Chihuahua': ['614', '625', '627', '628', '629', '635', '636', '639', '648', '649'],
  'America/Ciudad_Juarez': ['656', '657'],
  'America/Ojinaga': ['626'],
  'America/Matamoros': ['868', '899', '867', '878', '877', '894', '897'],
  'America/Cancun': ['998', '984', '983', '987'],
  'America/Merida': ['999', '981'],
};
export const MEXICO_DEFAULT_ZONE = 'America/Mexico_City';

/** Brazil (+55): two-digit DDD → zone. Unlisted DDDs: São Paulo (the southeast, most people). */
// biome-ignore format: area code lists read better packed
export const brazilAreaCodes: Record<string, string[]> = {
  'America/Araguaina': ['63'],
  'America/Cuiaba': ['65', '66'],
  'America/Campo_Grande': ['67'],
  'America/Rio_Branco': ['68'],
  'America/Porto_Velho': ['69'],
  'America/Bahia': ['71', '73', '74', '75', '77'],
  'America/Maceio': ['79', '82'],
  'America/Recife': ['81', '87'],
  'America/Fortaleza': ['83', '84', '85', '86', '88', '89', '98', '99'],
  'America/Belem': ['91', '93', '94', '96'],
  'America/Manaus': ['92', '97'],
  'America/Boa_Vista': ['95'],
};
export const BRAZIL_DEFAULT_ZONE = 'America/Sao_Paulo';

/** Spain (+34): Canary Islands landlines. Mobiles cannot be told apart: Madrid. */
export const spainAreaCodes: Record<string, string[]> = {
  'Atlantic/Canary': ['822', '828', '922', '928'],
};
