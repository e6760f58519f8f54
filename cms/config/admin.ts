import { previewUrl } from '../src/editorial/preview';
import { cmsEnv } from '../src/env';

type PreviewTarget = { documentId: string; locale?: string; status?: 'draft' | 'published' };

export default () => {
  const env = cmsEnv();
  return {
    auth: { secret: env.ADMIN_JWT_SECRET },
    apiToken: { salt: env.API_TOKEN_SALT },
    transfer: { token: { salt: env.TRANSFER_TOKEN_SALT } },
    secrets: { encryptionKey: env.ENCRYPTION_KEY },
    flags: { nps: false, promoteEE: false },
    // The admin is served by the CMS itself; tests boot without it.
    serveAdminPanel: env.SERVE_ADMIN,
    // Strapi's Preview opens the real web page in draft mode (src/editorial/preview.ts).
    preview: {
      enabled: true,
      config: {
        allowedOrigins: [env.WEB_PUBLIC_URL],
        // Called at run time, when Strapi's global `strapi` is set.
        handler: (uid: string, target: PreviewTarget) => previewUrl(strapi, uid, target),
      },
    },
  };
};
