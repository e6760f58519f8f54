import { winston, formats } from '@strapi/logger';

// LOG_LEVEL=warn quiets request logs (the tests use it); the default keeps Strapi's http level.
export default ({ env }) => ({
  transports: [
    new winston.transports.Console({
      level: env('LOG_LEVEL', 'http'),
      format: formats.prettyPrint(),
    }),
  ],
});
