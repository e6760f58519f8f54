import { cmsEnv, type CmsEnv } from '../src/env';

/**
 * Uploads in S3-compatible storage (several CMS nodes share it). Files keep their `/uploads/<name>` URLs, so
 * pages, the web app's image optimiser and the admin read them as before: every CMS node answers
 * /uploads/* from the bucket (src/middlewares/uploads-from-storage.ts).
 */
function s3Upload(env: CmsEnv) {
  return {
    config: {
      provider: 'aws-s3',
      providerOptions: {
        baseUrl: '/uploads',
        s3Options: {
          ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT } : {}),
          region: env.S3_REGION,
          forcePathStyle: env.S3_FORCE_PATH_STYLE,
          ...(env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
            ? { credentials: { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY } }
            : {}),
          params: { Bucket: env.S3_BUCKET, ACL: 'public-read' },
        },
      },
    },
  };
}

export default () => ({
  ...(cmsEnv().UPLOAD_PROVIDER === 's3' ? { upload: s3Upload(cmsEnv()) } : {}),
  'users-permissions': {
    config: {
      jwtSecret: cmsEnv().JWT_SECRET,
      register: { allowedFields: [] },
    },
  },
});
