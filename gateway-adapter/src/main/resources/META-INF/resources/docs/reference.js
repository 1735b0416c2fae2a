// The reference page: Swagger UI reading the edge's own /openapi.yaml. No validator badge (it
// would call a third-party service) and no "try it out" by default: keys belong in a merchant's
// server, not in a browser page.
window.addEventListener('load', () => {
  window.ui = SwaggerUIBundle({
    url: '/openapi.yaml',
    dom_id: '#reference',
    deepLinking: true,
    validatorUrl: null,
    tryItOutEnabled: false,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
  });
});
