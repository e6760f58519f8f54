import { previewUrl } from '../src/editorial/preview';

export default ({ env }) => ({
  auth: { secret: env('ADMIN_JWT_SECRET', 'local-admin-jwt-secret') },
  apiToken: { salt: env('API_TOKEN_SALT', 'local-api-token-salt') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT', 'local-transfer-token-salt') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY', 'local-encryption-key') },
  flags: { nps: false, promoteEE: false },
  // The admin is served by the CMS itself; tests boot without it.
  serveAdminPanel: env.bool('SERVE_ADMIN', true),
  // Strapi's Preview opens the real web page in draft mode (src/editorial/preview.ts).
  preview: {
    enabled: true,
    config: {
      allowedOrigins: [env('WEB_PUBLIC_URL', 'http://localhost:3000')],
      handler: (uid: string, target: { documentId: string; locale?: string; status?: 'draft' | 'published' }) =>
        previewUrl(strapi, uid, target),
    },
  },
});
