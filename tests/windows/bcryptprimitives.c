/* Test infrastructure only, for running dossier.exe under Wine 8 (#23).
 *
 * Rust's standard library (1.78 and later) gets its random bytes, for HashMap's seeds, from
 * ProcessPrng in bcryptprimitives.dll, which Windows 10 and 11 have. Wine 8.0 (Debian 12's)
 * has a bcryptprimitives.dll without it, so the .exe does not start there. This DLL, put beside
 * dossier.exe with WINEDLLOVERRIDES=bcryptprimitives=n, supplies ProcessPrng from
 * RtlGenRandom (advapi32's SystemFunction036), which Wine has. It is never shipped: a real
 * Windows has the DLL, and dossier.exe is built against the system's.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG n = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, n))
            return FALSE;
        data += n;
        length -= n;
    }
    return TRUE;
}
