import { cmsEnv } from '../src/env';

// Search Trends (src/trends): what counts as "searched for now", and how hard it is to game.
export default () => {
  const env = cmsEnv();
  return {
    // Only searches of the last windowHours count; each loses half its weight every halfLifeHours.
    windowHours: env.TRENDS_WINDOW_HOURS,
    halfLifeHours: env.TRENDS_HALF_LIFE_HOURS,
    // A term needs this many distinct searches in the window before it can trend.
    minSearches: env.TRENDS_MIN_SEARCHES,
    // How long the computed list is reused before it is computed again.
    cacheSeconds: env.TRENDS_CACHE_SECONDS,
    // How many terms the box shows (pinned terms first).
    size: env.TRENDS_SIZE,
    // Per client: a term counts once per window; at most this many recorded searches per hour.
    clientSearchesPerHour: env.TRENDS_CLIENT_SEARCHES_PER_HOUR,
  };
};
