import type { NextConfig } from 'next';

const config: NextConfig = {
  // The kit is plain ESM with a "use client" banner on its React entry: nothing to transpile.
  reactStrictMode: true,
};

export default config;
