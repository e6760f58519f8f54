// The public REST API rejects unknown query keys (the class of CVE-2026-27886) and caps page sizes;
// src/middlewares/query-guard.ts answers an over-large page size with 400 instead of silently clamping it.
export default {
  rest: {
    defaultLimit: 25,
    maxLimit: 100,
    withCount: true,
    strictParams: true,
  },
};
