import { winston, formats } from '@strapi/logger';
import { cmsEnv } from '../src/env';

// LOG_LEVEL=warn quiets request logs (the tests use it); the default keeps Strapi's http level.
export default () => ({
  transports: [new winston.transports.Console({ level: cmsEnv().LOG_LEVEL, format: formats.prettyPrint() })],
});
