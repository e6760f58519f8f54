// Any other path under /api is no endpoint of the site: a JSON 404 for every method, never the [locale] pages.
const notFound = () => Response.json({ error: 'No such endpoint' }, { status: 404, headers: { 'Cache-Control': 'no-store' } });

export { notFound as GET, notFound as HEAD, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as OPTIONS };
