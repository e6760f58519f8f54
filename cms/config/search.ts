// Full-text search (src/search): results are ranked by relevance within the newest `rankedWindow`
// matches; older matches follow, newest first. A larger window costs time on common words.
export default ({ env }) => ({
  rankedWindow: env.int('SEARCH_RANKED_WINDOW', 1000),
});
