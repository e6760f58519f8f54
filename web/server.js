// The web app's server: Next.js behind the front door (front-door.js). `node server.js` serves the
// production build (what `next start` would), `node server.js --dev` runs the development server.
const http = require('node:http');

const dev = process.argv.includes('--dev');
process.env.NODE_ENV = dev ? 'development' : 'production';
const next = require('next');
const { frontDoor } = require('./front-door');

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || '0.0.0.0';
const app = next({ dev, dir: __dirname, hostname, port });

app.prepare().then(() => {
  const handle = app.getRequestHandler();
  const server = http.createServer((request, response) => {
    if (!frontDoor(request, response, { dev })) handle(request, response);
  });
  if (dev) server.on('upgrade', app.getUpgradeHandler());
  server.listen(port, hostname, () => console.log(`▲ Next.js ${require('next/package.json').version} ready on http://${hostname}:${port}`));
  const stop = () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 3_000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
});
