import type { sourcesEs } from './sources-es';

/** Fontes de dados: lojas (Shopify, Nuvemshop, WooCommerce) e CDPs compatíveis com Segment. */
export const sourcesPt: typeof sourcesEs = {
  sources: {
    nav: 'Fontes de dados',
    title: 'Fontes de dados',
    subtitle:
      'Conecte sua loja ou seu CDP: checkouts iniciados, pedidos e clientes chegam ao Ruta como eventos e contatos, sem programar.',
    add: 'Conectar fonte',
    addTitle: 'Conectar uma fonte',
    editTitle: 'Editar {{name}}',
    empty: 'Você ainda não conectou nenhuma loja nem CDP.',
    platform: 'Plataforma',
    platforms: {
      shopify: 'Shopify',
      tiendanube: 'Nuvemshop / Tiendanube',
      woocommerce: 'WooCommerce',
      segment: 'Compatível com Segment (Segment, RudderStack, Jitsu)',
    },
    name: 'Nome',
    namePlaceholder: 'Minha loja',
    optional: 'opcional',
    keepSecret: 'Salvo · deixe vazio para manter',
    connect: 'Conectar',
    edit: 'Editar',
    delete: 'Excluir',
    deleteTitle: 'Excluir {{name}}?',
    deleteConfirm: 'Excluir fonte',
    deleteBody:
      'O Ruta vai recusar os webhooks dela a partir de agora. Os eventos e contatos que já chegaram ficam.',
    sendTest: 'Enviar evento de teste',
    testSent:
      'Evento de teste enviado: aparece abaixo com o que o Ruta fez dele (como «source_test», para um contato de teste: nenhum fluxo escreve para ele).',
    webhookUrl: 'URL do webhook',
    apiBaseUrl: 'URL base da API (Segment)',
    writeKey: 'Chave de escrita',
    writeKeyOnce: 'Copie sua chave de escrita agora: ela não será mostrada de novo.',
    setup: 'Como conectar, passo a passo',
    fields: {
      shopDomain: {
        label: 'Domínio da loja',
        placeholder: 'minha-loja.myshopify.com',
        help: 'O domínio .myshopify.com da sua loja.',
      },
      clientSecret: {
        label: 'Segredo de assinatura',
        placeholder: 'shpss_…',
        help: 'A chave com que a Shopify assina os webhooks (o segredo do cliente do seu app, ou a que aparece em Notificações → Webhooks). Fica cifrada e nunca é mostrada.',
      },
      storeId: {
        label: 'ID da loja',
        placeholder: '123456',
        help: 'O número da sua loja na Nuvemshop (user_id ao instalar o app).',
      },
      appSecret: {
        label: 'Client secret do app',
        placeholder: '••••••••',
        help: 'Assina os webhooks da Nuvemshop. Fica cifrado e nunca é mostrado.',
      },
      accessToken: {
        label: 'Access token',
        placeholder: '••••••••',
        help: 'Com ele o Ruta lê os pedidos e os carrinhos abandonados da sua loja. Fica cifrado.',
      },
      siteUrl: {
        label: 'Endereço do site',
        placeholder: 'https://minhaloja.com.br',
        help: 'O endereço do seu WordPress com WooCommerce.',
      },
      webhookSecret: {
        label: 'Segredo dos webhooks',
        placeholder: '••••••••',
        help: 'O mesmo «Segredo» que você coloca em cada webhook do WooCommerce. Fica cifrado.',
      },
      defaultCountry: {
        label: 'País dos telefones',
        placeholder: 'BR',
        help: 'Código de duas letras: um telefone sem prefixo é lido como deste país (fica salvo no formato +55…).',
      },
    },
    steps: {
      shopify: [
        'Adicione a fonte aqui e copie a URL do webhook abaixo.',
        'Na Shopify, vá em Configurações → Notificações → Webhooks (ou, se usar um app, nas configurações de webhooks dele) e crie um webhook em formato JSON com essa URL para cada evento: Criação de checkout (checkouts/create), Atualização de checkout (checkouts/update), Criação de pedido (orders/create), Pagamento de pedido (orders/paid), Criação e Atualização de cliente.',
        'Copie a chave com que a Shopify assina os webhooks («Seus webhooks serão assinados com…», ou o segredo do cliente do seu app) e cole em «Segredo de assinatura».',
        'Clique em «Enviar evento de teste» e confira abaixo o que chegou.',
        'Crie um fluxo com o modelo «Carrinho abandonado da loja»: ele espera até 60 minutos o pedido de cada checkout iniciado e só escreve se o pedido não chegar.',
      ],
      tiendanube: [
        'Adicione a fonte aqui com o ID da loja, o client secret do seu app e o access token.',
        'Cadastre os webhooks order/created e order/paid da sua loja com a URL abaixo (API da Nuvemshop: POST /webhooks).',
        'O Ruta verifica a assinatura (x-linkedstore-hmac-sha256), lê o pedido com o seu token e, a cada 15 minutos, os carrinhos abandonados (a Nuvemshop os publica quando o comprador chega à segunda etapa do checkout, até horas depois).',
        'Crie um fluxo com o modelo «Carrinho abandonado da loja».',
      ],
      woocommerce: [
        'Adicione a fonte aqui com um segredo que você inventar (16 caracteres ou mais) e copie a URL do webhook.',
        'No WordPress, vá em WooCommerce → Configurações → Avançado → Webhooks → Adicionar webhook: status Ativo, a URL de entrega abaixo, o mesmo segredo e a versão mais recente da API.',
        'Crie um por tópico: Pedido criado, Pedido atualizado e Cliente criado. Ao salvar, o WooCommerce envia um ping que o Ruta responde.',
        'Carrinhos abandonados: o WooCommerce não avisa sobre carrinhos. Um pedido «Pagamento pendente» é um checkout iniciado (checkout_started) e, quando passa para «Processando» ou «Concluído», é a compra (order_placed) do mesmo carrinho. Para carrinhos que nunca viram pedido, envie «Checkout Started» do seu CDP ou de um plugin para a API compatível com Segment.',
        'Crie um fluxo com o modelo «Carrinho abandonado da loja».',
      ],
      segment: [
        'Adicione a fonte aqui e copie a chave de escrita: ela aparece uma única vez.',
        'No Segment, RudderStack ou Jitsu, adicione um destino HTTP/Webhook apontando para a URL base da API (o Ruta responde /v1/track, /v1/identify, /v1/page e /v1/batch como o Segment), com a chave como usuário de Basic auth e a senha vazia.',
        '«Checkout Started» e «Order Completed» (unidos por order_id) viram checkout_started e order_placed; os demais eventos chegam em snake_case («Product Viewed» → product_viewed); os traits do identify vão para o contato.',
        'Crie um fluxo com o modelo «Carrinho abandonado da loja».',
      ],
    },
    deliveries: {
      title: 'Últimos eventos recebidos',
      empty: 'Nada chegou ainda. Configure o webhook ou envie um evento de teste.',
      when: 'Quando',
      topic: 'Tópico',
      status: 'Status',
      became: 'O que o Ruta fez',
      pending: 'Processando…',
      contactOnly: 'Atualizou o contato',
      openContact: 'Ver contato',
      test: 'teste',
      replay: 'Reprocessar',
      statuses: {
        received: 'Recebido',
        processed: 'Processado',
        ignored: 'Ignorado',
        failed: 'Falhou',
      },
      event: { accepted: 'novo', duplicate: 'repetido' },
    },
  },
};
