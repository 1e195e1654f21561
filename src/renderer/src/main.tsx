import '@mantine/core/styles.css'
import '@mantine/dates/styles.css'
import '@mantine/charts/styles.css'
import './app.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { MantineProvider, createTheme } from '@mantine/core'
import { QueryClientProvider } from '@tanstack/react-query'
import { RouterProvider } from '@tanstack/react-router'
import { I18nProvider } from './i18n'
import { DatesSettings } from './components/DateField'
import { takeBrowserToken } from './api'
import { queryClient } from './query'
import { createAppRouter } from './router'

const theme = createTheme({
  primaryColor: 'teal',
  fontFamily: '"Noto Sans", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
})

// The token leaves the address bar before the router starts keeping history.
takeBrowserToken()
const router = createAppRouter()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <I18nProvider>
        <DatesSettings>
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </DatesSettings>
      </I18nProvider>
    </MantineProvider>
  </StrictMode>,
)
