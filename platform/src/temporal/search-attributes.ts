/** Custom search attributes Ruta registers on its Temporal namespace, so runs can be found in Temporal UI. */
export const RUTA_SEARCH_ATTRIBUTES = {
  RutaJourneyId: 'Keyword',
  RutaContactId: 'Keyword',
  RutaWorkspaceId: 'Keyword',
  RutaPreview: 'Bool',
} as const;
