import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { PersonProvider } from "@/components/auth/person-context";
import { currentPerson } from "@/lib/auth/server/current-person";
import { parseTheme, THEME_COOKIE, themeClass } from "@/lib/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: "Gemini Playground",
  description: "Write prompts, run them against Gemini models, and share them with your team.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#131314" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const person = await currentPerson();
  return (
    <html lang="en" className={themeClass(theme)}>
      <body className="font-sans antialiased">
        <PersonProvider person={person}>{children}</PersonProvider>
      </body>
    </html>
  );
}
