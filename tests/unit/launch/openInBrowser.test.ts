import { readFileSync, statSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { openInBrowser } from '../../../electron/doors/webMain'

describe('opening the browser on the one-time login URL', () => {
  it('puts the key in a private redirect file, never on the command line other accounts can list', () => {
    const url = 'http://127.0.0.1:4321/?k=SECRETKEY_abc-123'
    const calls: Array<{ command: string; args: string[] }> = []
    const result = openInBrowser(url, (command, args) => calls.push({ command, args }), 'win32')
    try {
      expect(result.opened).toBe(true)
      expect(calls).toHaveLength(1)
      expect(calls[0].command).toBe('explorer.exe')
      expect(calls[0].args.join(' ')).not.toContain('SECRETKEY')
      const file = calls[0].args[0]
      expect(readFileSync(file, 'utf8')).toContain(`<meta http-equiv="refresh" content="0;url=${url}">`)
      if (process.platform !== 'win32') {
        expect(statSync(file).mode & 0o077).toBe(0)
        expect(statSync(file.replace(/[\\/]open\.html$/, '')).mode & 0o077).toBe(0)
      }
    } finally {
      result.cleanup()
    }
    expect(() => statSync(calls[0].args[0])).toThrow()
  })
})
