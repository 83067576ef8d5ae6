export { type SmsCount, smsCount, smsSegments, withoutAccents } from './sms-segments';
