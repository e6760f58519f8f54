export default ({ env }) => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET', 'local-users-permissions-jwt-secret'),
      register: { allowedFields: [] },
    },
  },
});
