import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const own = (name) => path.join(here, 'node_modules', name);

/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/.next/'],
  transform: { '^.+\\.(t|m?j)sx?$': ['@swc/jest', { jsc: { transform: { react: { runtime: 'automatic' } } } }] },
  moduleNameMapper: {
    // server-only throws outside React Server Components; the modules it guards are tested on the server side.
    '^server-only$': '<rootDir>/test/empty-module.js',
    '^@/(.*)$': '<rootDir>/$1',
    // The root node_modules holds the CMS's React 18; this app and its tests use its own React 19.
    '^react$': own('react'),
    '^react/(.*)$': own('react/$1'),
    '^react-dom$': own('react-dom'),
    '^react-dom/(.*)$': own('react-dom/$1'),
  },
};
