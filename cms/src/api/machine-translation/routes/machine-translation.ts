export default {
  routes: [
    { method: 'GET', path: '/machine-translation/languages', handler: 'machine-translation.languages' },
    { method: 'GET', path: '/machine-translation/articles/:documentId', handler: 'machine-translation.article' },
  ],
};
