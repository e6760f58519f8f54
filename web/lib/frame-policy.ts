// Pages may be framed by this site and by the CMS admin (its Preview shows our pages), by nobody else.
// CMS_PUBLIC_URL is the admin's origin as editors' browsers reach it; it is read at start, not at build.
const adminOrigin = new URL(process.env.CMS_PUBLIC_URL || 'http://localhost:1337').origin;

export const FRAME_POLICY = `frame-ancestors 'self' ${adminOrigin}`;
