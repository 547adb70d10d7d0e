import type { ReactNode } from 'react';

export const metadata = { title: 'integration-sync-card in Next.js', icons: 'data:,' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
