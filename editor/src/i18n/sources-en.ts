import type { sourcesEs } from './sources-es';

/** Data sources: stores (Shopify, Tiendanube, WooCommerce) and Segment-compatible CDPs. */
export const sourcesEn: typeof sourcesEs = {
  sources: {
    nav: 'Data sources',
    title: 'Data sources',
    subtitle:
      'Connect your store or your CDP: its checkouts, orders and customers reach Ruta as events and contacts, with no code.',
    add: 'Connect source',
    addTitle: 'Connect a source',
    editTitle: 'Edit {{name}}',
    empty: 'No store or CDP connected yet.',
    platform: 'Platform',
    platforms: {
      shopify: 'Shopify',
      tiendanube: 'Tiendanube / Nuvemshop',
      woocommerce: 'WooCommerce',
      segment: 'Segment-compatible (Segment, RudderStack, Jitsu)',
    },
    name: 'Name',
    namePlaceholder: 'My store',
    optional: 'optional',
    keepSecret: 'Saved · leave empty to keep it',
    connect: 'Connect',
    edit: 'Edit',
    delete: 'Delete',
    deleteTitle: 'Delete {{name}}?',
    deleteConfirm: 'Delete source',
    deleteBody: 'Ruta refuses its webhooks from now on. Events and contacts already in stay.',
    sendTest: 'Send a test event',
    testSent:
      'Test event sent: it shows below with what Ruta made of it (as "source_test", for a test contact: no journey messages it).',
    webhookUrl: 'Webhook URL',
    apiBaseUrl: 'API base URL (Segment)',
    writeKey: 'Write key',
    writeKeyOnce: 'Copy your write key now: it is not shown again.',
    setup: 'How to connect it, step by step',
    fields: {
      shopDomain: {
        label: 'Store domain',
        placeholder: 'my-store.myshopify.com',
        help: "Your store's .myshopify.com domain.",
      },
      clientSecret: {
        label: 'Signing secret',
        placeholder: 'shpss_…',
        help: "The key Shopify signs webhooks with (your app's client secret, or the one Notifications → Webhooks shows). Stored encrypted, never shown.",
      },
      storeId: {
        label: 'Store id',
        placeholder: '123456',
        help: "Your store's number in Tiendanube (user_id when the app is installed).",
      },
      appSecret: {
        label: "App's client secret",
        placeholder: '',
        help: "Signs Tiendanube's webhooks. Stored encrypted, never shown.",
      },
      accessToken: {
        label: 'Access token',
        placeholder: '',
        help: "Lets Ruta read your store's orders and abandoned checkouts. Stored encrypted.",
      },
      siteUrl: {
        label: 'Site address',
        placeholder: 'https://mystore.com',
        help: 'The address of your WordPress with WooCommerce.',
      },
      webhookSecret: {
        label: 'Webhook secret',
        placeholder: '',
        help: 'The same "Secret" you set on each WooCommerce webhook. Stored encrypted.',
      },
      defaultCountry: {
        label: 'Phone country',
        placeholder: 'MX',
        help: 'Two-letter code: a phone number without a prefix is read as from this country (stored as +52…).',
      },
    },
    steps: {
      shopify: [
        'Add the source here and copy the webhook URL below.',
        'In Shopify go to Settings → Notifications → Webhooks (or, with an app, its webhook settings) and create a JSON webhook with that URL for each event: Checkout creation (checkouts/create), Checkout update (checkouts/update), Order creation (orders/create), Order payment (orders/paid), Customer creation and update.',
        'Copy the key Shopify signs webhooks with ("Your webhooks will be signed with…", or your app\'s client secret) into "Signing secret".',
        'Press "Send a test event" and check what arrived below.',
        'Create a journey from the "Store abandoned cart" template: it waits up to 60 minutes for each checkout\'s order and only messages when none comes.',
      ],
      tiendanube: [
        "Add the source here with the store id, your app's client secret and the access token.",
        "Register your store's order/created and order/paid webhooks with the URL below (Tiendanube's API: POST /webhooks).",
        "Ruta verifies the signature (x-linkedstore-hmac-sha256) and keeps every delivery; reading the order and abandoned checkouts from Tiendanube's API comes in a next version.",
      ],
      woocommerce: [
        'Add the source here with a secret you make up (16 characters or more) and copy the webhook URL.',
        'In WordPress go to WooCommerce → Settings → Advanced → Webhooks → Add webhook: status Active, the delivery URL below, the same secret and the newest API version.',
        'Create one per topic: Order created, Order updated and Customer created. On save WooCommerce sends a ping that Ruta answers.',
        'Abandoned carts: WooCommerce has no cart webhook. An order "Pending payment" is a checkout started (checkout_started), and once it is "Processing" or "Completed" it is the purchase (order_placed) of the same cart. For carts that never become an order, send "Checkout Started" from your CDP or a plugin to the Segment-compatible API.',
        'Create a journey from the "Store abandoned cart" template.',
      ],
      segment: [
        'Add the source here and copy the write key: it is shown once.',
        'In Segment, RudderStack or Jitsu add an HTTP/Webhook destination pointed at the API base URL (Ruta answers /v1/track, /v1/identify, /v1/page and /v1/batch as Segment does) with the key as the Basic auth user name and an empty password.',
        '"Checkout Started" and "Order Completed" (joined by order_id) become checkout_started and order_placed; other events arrive in snake_case ("Product Viewed" → product_viewed); identify traits go to the contact.',
        'Create a journey from the "Store abandoned cart" template.',
      ],
    },
    deliveries: {
      title: 'Latest events received',
      empty: 'Nothing yet. Set up the webhook or send a test event.',
      when: 'When',
      topic: 'Topic',
      status: 'Status',
      became: 'What Ruta did',
      pending: 'Processing…',
      contactOnly: 'Updated the contact',
      openContact: 'See contact',
      test: 'test',
      replay: 'Process again',
      statuses: {
        received: 'Received',
        processed: 'Processed',
        ignored: 'Ignored',
        failed: 'Failed',
      },
      event: { accepted: 'new', duplicate: 'repeated' },
    },
  },
};
