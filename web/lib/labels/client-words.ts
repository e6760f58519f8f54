// The words client components use, which their server components hand them from the locale's
// dictionary (pickWords), so no dictionary is read in the browser.
export const SEARCH_WORDS = [
  'searchPrompt',
  'searchUnavailable',
  'searching',
  'searchResults',
  'pageOf',
  'searchNone',
  'searchLabel',
  'search',
  'previous',
  'next',
  'tryTrending',
] as const;

export const CONSENT_WORDS = [
  'consentTitle',
  'consentText',
  'consentPrivacy',
  'consentCookiePolicy',
  'consentCategories',
  'consentEssential',
  'consentMeasurement',
  'consentAccept',
  'consentReject',
  'consentSettings',
  'consentSave',
] as const;
