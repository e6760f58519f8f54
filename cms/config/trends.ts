// Search Trends (src/trends): what counts as "searched for now", and how hard it is to game.
export default ({ env }) => ({
  // Only searches of the last windowHours count; each loses half its weight every halfLifeHours.
  windowHours: env.int('TRENDS_WINDOW_HOURS', 48),
  halfLifeHours: env.float('TRENDS_HALF_LIFE_HOURS', 12),
  // A term needs this many distinct searches in the window before it can trend.
  minSearches: env.int('TRENDS_MIN_SEARCHES', 3),
  // How long the computed list is reused before it is computed again.
  cacheSeconds: env.int('TRENDS_CACHE_SECONDS', 30),
  // How many terms the box shows (pinned terms first).
  size: env.int('TRENDS_SIZE', 8),
  // Per client: a term counts once per window; at most this many recorded searches per hour.
  clientSearchesPerHour: env.int('TRENDS_CLIENT_SEARCHES_PER_HOUR', 30),
});
