/** WhatsApp's customer-service window: free text reaches a customer this long after they last wrote. */
export const WHATSAPP_WINDOW_MS = 24 * 3_600_000;
