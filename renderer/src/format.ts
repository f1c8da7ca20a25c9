/** Display helpers shared by pages (dates as 2024年3月22日, times in the PC's time zone, sizes with units). */
export { formatBytes } from '../../shared/format/bytes'
export { localClockTime, localDate, localDateTime as formatDateTime, localIsoDateOf } from '../../shared/format/localTime'
