import { describe, expect, test } from 'vitest';
import { isPrivateAddress, refusedLiteralAddress } from './webhook-guard';

describe('isPrivateAddress', () => {
  test.each([
    ['127.0.0.1', true], // loopback
    ['10.1.2.3', true], // private
    ['172.20.0.1', true], // private
    ['192.168.1.1', true], // private
    ['169.254.169.254', true], // link-local: cloud metadata
    ['100.64.0.1', true], // carrier-grade NAT
    ['0.0.0.0', true], // "this host"
    ['::1', true], // IPv6 loopback
    ['::', true], // unspecified
    ['fe80::1', true], // IPv6 link-local
    ['fc00::1', true], // unique local
    ['fd12:3456::1', true], // unique local
    ['::ffff:127.0.0.1', true], // IPv4-mapped loopback
    ['::ffff:7f00:1', true], // the same, written in hex (as the URL parser writes it)
    ['::ffff:10.0.0.1', true], // IPv4-mapped private
    ['not-an-ip', true], // not an address: never trusted
    ['8.8.8.8', false],
    ['1.1.1.1', false],
    ['172.32.0.1', false], // just outside 172.16.0.0/12
    ['2001:4860:4860::8888', false],
    ['::ffff:8.8.8.8', false],
  ])('%s → %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });
});

describe('refusedLiteralAddress (URLs written with an IP, which skip DNS)', () => {
  test('refuses loopback and private literals, as the URL parser writes them', () => {
    for (const url of [
      'http://127.0.0.1:8080/',
      'http://[::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://2130706433/',
      'http://10.0.0.7/',
    ]) {
      const error = refusedLiteralAddress(new URL(url).hostname);
      expect(error?.message, url).toMatch(/private or loopback/);
    }
  });

  test('lets public literals and host names through (names are checked after DNS)', () => {
    expect(refusedLiteralAddress('8.8.8.8')).toBeUndefined();
    expect(refusedLiteralAddress('[2001:4860:4860::8888]')).toBeUndefined();
    expect(refusedLiteralAddress('localhost')).toBeUndefined();
  });

  test('honours the allow-list', () => {
    expect(refusedLiteralAddress('127.0.0.1', { allow: ['127.0.0.1'] })).toBeUndefined();
    expect(refusedLiteralAddress('[::1]', { allow: ['::1'] })).toBeUndefined();
    expect(refusedLiteralAddress('10.0.0.7', { allow: ['127.0.0.1'] })).toBeDefined();
  });
});
