// The public API's description, for programs (OpenAPI 3.1) and for people (a reference page); anyone may read both.
export default {
  routes: [
    { method: 'GET', path: '/openapi.json', handler: 'openapi.document', config: { auth: false } },
    { method: 'GET', path: '/reference', handler: 'openapi.reference', config: { auth: false } },
  ],
};
