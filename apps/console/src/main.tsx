import '@mantine/core/styles.css';
import './styles.css';
import { createTheme, MantineProvider, type CSSVariablesResolver } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app';
import { SessionProvider } from './auth/session';

// Dark enough shades that every text and button reaches the WCAG AA contrast ratio (4.5:1).
const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  fontFamily: 'system-ui, sans-serif',
  // An alert's coloured title is under 4.5:1 on its tinted background: titles are in the text colour.
  components: { Alert: { styles: { title: { color: 'var(--mantine-color-text)' } } } },
});
// Mantine's dimmed gray is 3.3:1 on white, its error red 4.4:1: darker shades reach 4.5:1. Light
// and subtle buttons, hovered, put their text on shade 2 (4.0:1 in blue, 3.8:1 in red): shades 0
// and 1 keep the hover visible and the text at 4.5:1.
const variables: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7],
    '--mantine-color-error': t.colors.red[9],
    ...Object.fromEntries(
      (['blue', 'red'] as const).flatMap((c) => [
        [`--mantine-color-${c}-light`, t.colors[c][0]],
        [`--mantine-color-${c}-light-hover`, t.colors[c][1]],
      ]),
    ),
  },
  dark: {},
});
const queries = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={variables}>
      <QueryClientProvider client={queries}>
        <BrowserRouter basename="/console">
          <SessionProvider>
            <App />
          </SessionProvider>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
