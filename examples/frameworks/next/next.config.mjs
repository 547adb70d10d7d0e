import { fileURLToPath } from 'node:url';

/** @type {import('next').NextConfig} */
export default {
  // This app sits inside the package's repository, which has a lockfile of its own.
  turbopack: { root: fileURLToPath(new URL('.', import.meta.url)) },
};
