-- Where Ruta connects for a tenant is a server setting (RUTA_WHATSAPP_API_URL, RUTA_TWILIO_API_URL,
-- RUTA_OUTBOUND_ALLOW), never a channel setting: drop the provider base URL any channel still
-- stores. Bumping updated_at makes running workers rebuild the channel's provider.
update channels
set config = config - 'apiBaseUrl', updated_at = clock_timestamp()
where config ? 'apiBaseUrl';
