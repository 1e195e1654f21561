import type { ReportFile } from '../../../shared/api/contract'

export function fileToBlob(file: ReportFile): Blob {
  const bin = atob(file.base64)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  return new Blob([bytes], { type: file.mimeType })
}

/** Hands a generated file to the browser (or Electron's download handling) as a download. */
export function downloadFile(file: ReportFile): void {
  const url = URL.createObjectURL(fileToBlob(file))
  const a = document.createElement('a')
  a.href = url
  a.download = file.fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10000)
}

/** Reads a file the user picked as base64, for the contract's file inputs. */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(reader.error)
    reader.readAsDataURL(file)
  })
}
