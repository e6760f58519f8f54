export default {
  routes: [
    { method: 'GET', path: '/search-trends', handler: 'search-trends.find' },
    { method: 'POST', path: '/search-trends', handler: 'search-trends.record' },
  ],
};
