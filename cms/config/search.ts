import { cmsEnv } from '../src/env';

// Full-text search (src/search): a search returns at most the `maxResults` newest matches, ranked by
// relevance; its count says "more" beyond that. A larger number costs time on common words.
export default () => ({
  maxResults: cmsEnv().SEARCH_MAX_RESULTS,
});
