import { useEffect } from 'react'

/**
 * A dialog that is removed when it closes gives the focus back to what had it
 * when it opened (the button that opened it), so keyboard users carry on
 * where they were.
 */
export function useReturnFocus(): void {
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    return () => {
      // After the dialog's own focus trap has let go.
      setTimeout(() => {
        if (opener && opener.isConnected) opener.focus()
      }, 0)
    }
  }, [])
}
