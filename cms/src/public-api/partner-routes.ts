import { CONTENT_TYPES } from '@newsroom/contract';
import { PUBLIC_TYPES } from '../bootstrap/public-access';

// The routes a partner token may read: the public content types' find and findOne, the site's search and
// Search Trends, the machine translation languages, and the API's own description and reference page. Not the web app's
// machine translations (each costs), not users, not the types only editors read.
const contentRoutes = Object.values(CONTENT_TYPES)
  .filter((type) => PUBLIC_TYPES.includes(type.uid))
  .map((type) => type.path.slice(1));
const ownRoutes = ['search', 'search-trends', 'machine-translation/languages', 'openapi\\.json', 'reference'];
const allowed = new RegExp(`^/api/(?:(?:${contentRoutes.join('|')})(?:/[^/]+)?|${ownRoutes.join('|')})/?$`);

export const isPartnerRoute = (path: string) => allowed.test(path);
