// A local Telegram Bot API for end-to-end tests: telegram-test-api plus the
// fixes python-telegram-bot needs. Usage: node bot_api_server.js PORT
//
// 1. Its getMe answer lacks `is_bot`: we register our own getMe first.
// 2. Messages it returns carry `date` in milliseconds: every JSON answer has
//    its dates converted to seconds before it leaves.
// 3. Its callback queries lack `chat_instance`, which the Bot API always sends.
// Also: edits and callback answers return `true` (not null) as Telegram does,
// setMyCommands and deleteMyCommands are accepted, and getUpdates waits briefly
// for news (long polling) instead of answering at once, so the bot does not spin.
'use strict';

const express = require('express');
const TelegramServer = require('telegram-test-api');
const { routes } = require('telegram-test-api/lib/routes/index');
const { handle } = require('telegram-test-api/lib/routes/bot/utils');

const BOT = { id: 666, is_bot: true, first_name: 'Feedback', username: 'TestNameBot' };

function fixDates(value) {
  if (Array.isArray(value)) return value.map(fixDates);
  if (value && typeof value === 'object') {
    const fixed = {};
    for (const [key, item] of Object.entries(value)) {
      fixed[key] = key === 'date' && typeof item === 'number' && item > 1e11
        ? Math.floor(item / 1000) : fixDates(item);
    }
    return fixed;
  }
  return value;
}

const originalJson = express.response.json;
express.response.json = function json(body) {
  let fixed = fixDates(body);
  if (fixed && fixed.ok === true && fixed.result === null) fixed = { ...fixed, result: true };
  return originalJson.call(this, fixed);
};

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

routes.unshift((app, server) => {
  handle(app, '/bot:token/getMe', (_req, res) => res.sendResult({ ok: true, result: BOT }));
  for (const method of ['setMyCommands', 'deleteMyCommands']) {
    handle(app, `/bot:token/${method}`, (_req, res) => res.sendResult({ ok: true, result: true }));
  }
  // Files arrive as multipart, which the emulator does not parse: accept them, so a
  // bot that sends a QR code or a document carries on as it would with Telegram.
  for (const method of ['sendPhoto', 'sendDocument']) {
    handle(app, `/bot:token/${method}`, (_req, res) => res.sendResult({
      ok: true,
      result: {
        message_id: 1, date: Math.floor(Date.now() / 1000), chat: { id: 0, type: 'private' },
        ...(method === 'sendPhoto'
          ? { photo: [{ file_id: 'p', file_unique_id: 'p', width: 1, height: 1 }] }
          : { document: { file_id: 'd', file_unique_id: 'd' } }),
      },
    }));
  }
  handle(app, '/bot:token/getUpdates', async (req, res) => {
    // Like Telegram, an update stays pending until a later call's offset confirms
    // it, so a bot killed mid-poll loses nothing.
    const token = req.params.token;
    const offset = Number(req.body.offset || 0);
    const mine = () => server.storage.userMessages.filter((u) => u.botToken === token);
    mine().forEach((u) => { if (offset && u.updateId < offset) u.isRead = true; });
    const pending = () => mine().filter((u) => !u.isRead);
    const deadline = Date.now() + Math.min(Number(req.body.timeout || 0) * 1000, 1000);
    while (pending().length === 0 && Date.now() < deadline && !req.socket.destroyed) {
      await sleep(25);
    }
    const updates = pending().map((u) => TelegramServer.formatUpdate(u));
    for (const update of updates) {
      const query = update.callback_query;
      if (query && query.chat_instance === undefined) {
        query.chat_instance = String((query.message && query.message.chat && query.message.chat.id) || 0);
      }
    }
    res.sendResult({ ok: true, result: updates });
  });
});

const port = Number(process.argv[2] || 9000);
const server = new TelegramServer({ port, host: '127.0.0.1', storeTimeout: 3600 });
server.start().then(() => {
  process.stdout.write(`listening on ${port}\n`);
});
