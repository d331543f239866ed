// A video's comments on its watch page: threads newest or most replied first, "Show more",
// each thread's replies on demand, writing a comment or a reply, deleting one's own (or any, for
// those who manage the video) and approving held comments. A comment's text is the server's
// sanitised HTML, rebuilt element by element (dom.js safeHtml).

import { api } from './api.js';
import { h, replace, errorBox, filled, busy, announce, timeElement, safeHtml, formatNumber } from './dom.js';
import { accountPath } from './cards.js';

const PAGE = 10;
const ENABLED = 1;
const DISABLED = 2;
const REQUIRES_APPROVAL = 3;

/** Whether the user manages the video: its owner, a moderator or an administrator. */
export function canManageVideo(video, user) {
  if (!user) return false;
  if (user.role && (user.role.id === 0 || user.role.id === 1)) return true;
  return video.isLocal !== false && !!video.account && video.account.name === (user.account?.name || user.username);
}

function policyOf(video) {
  if (video.commentsPolicy?.id) return video.commentsPolicy.id;
  return video.commentsEnabled === false ? DISABLED : ENABLED;
}

export async function renderComments(section, { video, user, headers = {}, signal, canManage }) {
  const policy = policyOf(video);
  const title = h('h2', { id: 'comments-title' }, 'Comments');
  const sort = h('select', { id: 'comments-sort', class: 'comments-sort' },
    h('option', { value: '-createdAt' }, 'Newest first'), h('option', { value: '-totalReplies' }, 'Most replies first'));
  const sortField = h('label', { class: 'comments-sort-label' }, 'Sort ', sort);
  const list = h('ol', { class: 'comment-list', id: 'comment-threads', 'aria-labelledby': 'comments-title' });
  const more = h('button', { type: 'button', class: 'button button-secondary more-button', id: 'comments-more', hidden: true }, 'Show more comments');
  const messages = h('div', { class: 'form-messages', 'aria-live': 'polite' });
  replace(section, h('div', { class: 'comments-head' }, title, sortField), messages);

  // the title counts every comment shown, replies too, as PeerTube's totalNotDeletedComments does
  const context = { video, user, headers, canManage, policy, messages, counted: (by) => { total += by; showTotal(); } };
  if (policy === DISABLED) {
    section.append(h('p', { class: 'muted' }, 'Comments are disabled for this video.'));
  } else if (!user) {
    section.append(h('p', { class: 'comments-login' },
      h('a', { href: `/login?next=${encodeURIComponent(location.pathname + location.search)}` }, 'Log in'), ' to comment.'));
  } else {
    section.append(composer({
      id: 'comment-new', label: 'Add a comment', submitLabel: 'Comment',
      note: policy === REQUIRES_APPROVAL && !canManage ? 'Comments on this video are reviewed before others see them.' : null,
      send: (text) => api(`/videos/${video.uuid}/comment-threads`, { method: 'POST', json: { text }, headers }),
      done: (posted) => {
        list.prepend(threadItem(posted.comment, context));
        list.querySelector('.empty')?.remove();
        context.counted(1);
        announce('Your comment was posted');
      },
    }));
  }
  section.append(list, h('div', { class: 'more' }, more));

  let start = 0;
  let total = 0;
  const showTotal = () => { title.textContent = total ? `Comments (${formatNumber(total)})` : 'Comments'; };
  const load = async (first) => {
    const page = await api(`/videos/${video.uuid}/comment-threads?start=${start}&count=${PAGE}&sort=${sort.value}`, { signal, headers });
    if (first) replace(list);
    total = page.totalNotDeletedComments ?? page.total;
    page.data.forEach((comment) => list.append(threadItem(comment, context)));
    start += page.data.length;
    more.hidden = start >= page.total || page.data.length === 0;
    showTotal();
    if (first && page.data.length === 0 && policy !== DISABLED) list.append(h('li', { class: 'empty' }, 'No comments yet.'));
  };
  more.addEventListener('click', () => busy(more, async () => {
    const before = list.children.length;
    await load(false);
    list.children[before]?.querySelector('.comment-text, .comment-author')?.setAttribute('tabindex', '-1');
    list.children[before]?.querySelector('.comment-text, .comment-author')?.focus();
  }).catch((e) => messages.append(errorBox(e))));
  sort.addEventListener('change', () => {
    start = 0;
    load(true).catch((e) => messages.append(errorBox(e)));
  });
  await load(true);
}

/** A textarea with its button: send(text) posts, done(answer) shows the result. */
function composer({ id, label, submitLabel, note, send, done, cancel }) {
  const text = h('textarea', { id, rows: 3, maxlength: 10000, required: true, placeholder: label });
  const submit = h('button', { type: 'submit', class: 'button button-small', id: `${id}-submit` }, submitLabel);
  const errors = h('div', { class: 'form-messages' });
  const form = h('form', { class: 'comment-form', novalidate: true },
    h('label', { for: id, class: 'visually-hidden' }, label), text, errors,
    note ? h('p', { class: 'field-hint' }, note) : null,
    h('div', { class: 'form-actions' }, submit,
      cancel ? h('button', { type: 'button', class: 'button button-secondary button-small', onclick: cancel }, 'Cancel') : null));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.replaceChildren();
    if (!filled(text, errors, 'Write something first.')) return;
    try {
      const answer = await busy(submit, () => send(text.value.trim()));
      text.value = '';
      done(answer);
    } catch (e) {
      errors.append(errorBox(e));
    }
  });
  form.text = text;
  return form;
}

/** A thread: its first comment, and its replies when asked for. */
function threadItem(comment, context) {
  const replies = h('ol', { class: 'comment-replies', hidden: true });
  let loaded = false;
  const toggle = h('button', { type: 'button', class: 'link-button comment-toggle', 'aria-expanded': 'false', hidden: !comment.totalReplies },
    replyLabel(comment.totalReplies));
  const showReplies = async (open = replies.hidden) => {
    if (open && !loaded) {
      const tree = await api(`/videos/${context.video.uuid}/comment-threads/${comment.threadId || comment.id}`, { headers: context.headers });
      replace(replies, (tree.children || []).map((child) => treeItem(child, context, addReply)));
      loaded = true;
    }
    replies.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = open ? 'Hide replies' : replyLabel(comment.totalReplies);
  };
  toggle.addEventListener('click', () => showReplies().catch((e) => context.messages.append(errorBox(e))));
  const addReply = async (posted, parentList) => {
    comment.totalReplies = (comment.totalReplies || 0) + 1;
    toggle.hidden = false;
    if (parentList === replies || !parentList) {
      if (!loaded) await showReplies(true);
      else replies.append(treeItem({ comment: posted, children: [] }, context, addReply));
      replies.hidden = false;
      toggle.setAttribute('aria-expanded', 'true');
      toggle.textContent = 'Hide replies';
    } else {
      parentList.append(treeItem({ comment: posted, children: [] }, context, addReply));
    }
  };
  const item = commentItem(comment, context, (posted) => addReply(posted, replies));
  item.classList.add('comment-thread');
  item.column.append(toggle, replies);
  return item;
}

function replyLabel(count) {
  return count === 1 ? 'Show 1 reply' : `Show ${formatNumber(count)} replies`;
}

/** A reply and its own replies, as the thread's tree has them. */
function treeItem(node, context, addReply) {
  const children = h('ol', { class: 'comment-replies' });
  const item = commentItem(node.comment, context, (posted) => addReply(posted, children));
  (node.children || []).forEach((child) => children.append(treeItem(child, context, addReply)));
  item.column.append(children);
  return item;
}

function commentItem(comment, context, onReply) {
  const { video, user, headers, canManage, policy } = context;
  const account = comment.account;
  const own = user && account && account.name === (user.account?.name || user.username) && account.host === (user.account?.host || account.host);
  const item = h('li', { class: 'comment', id: `comment-${comment.id}`, 'data-comment-id': comment.id });
  const actions = h('div', { class: 'comment-actions' });
  const body = h('div', { class: 'comment-body' });
  const draw = () => {
    const head = h('p', { class: 'comment-head' },
      account
        ? h('a', { class: 'comment-author', href: accountPath(account, account.host === location.host) }, account.displayName || account.name)
        : h('span', { class: 'comment-author muted' }, 'Deleted'),
      account ? h('span', { class: 'muted small' }, ` @${account.name}@${account.host}`) : null,
      h('span', { class: 'muted small' }, ' · ', timeElement(comment.createdAt)),
      comment.heldForReview ? h('span', { class: 'badge badge-pending comment-held' }, 'Awaiting approval') : null);
    const text = comment.isDeleted
      ? h('p', { class: 'comment-text muted' }, 'This comment has been deleted.')
      : h('div', { class: 'comment-text' }, safeHtml(comment.text));
    replace(body, head, text);
    replace(actions);
    if (comment.isDeleted) return;
    if (user && policy !== DISABLED && !comment.heldForReview) {
      const reply = h('button', { type: 'button', class: 'link-button comment-reply', 'aria-expanded': 'false' }, 'Reply');
      reply.addEventListener('click', () => {
        const open = item.column.querySelector(':scope > .comment-form');
        if (open) {
          open.remove();
          reply.setAttribute('aria-expanded', 'false');
          return;
        }
        reply.setAttribute('aria-expanded', 'true');
        const form = composer({
          id: `reply-${comment.id}`, label: `Reply to ${account ? account.displayName || account.name : 'this comment'}`, submitLabel: 'Reply',
          send: (text) => api(`/videos/${video.uuid}/comments/${comment.id}`, { method: 'POST', json: { text }, headers }),
          done: async (posted) => {
            form.remove();
            reply.setAttribute('aria-expanded', 'false');
            await onReply(posted.comment);
            context.counted(1);
            announce('Your reply was posted');
          },
          cancel: () => { form.remove(); reply.setAttribute('aria-expanded', 'false'); reply.focus(); },
        });
        actions.after(form);
        form.text.focus();
      });
      actions.append(reply);
    }
    if (comment.heldForReview && canManage) {
      const approve = h('button', { type: 'button', class: 'link-button comment-approve' }, 'Approve');
      approve.addEventListener('click', () => busy(approve, async () => {
        await api(`/videos/${video.uuid}/comments/${comment.id}/approve`, { method: 'POST', headers });
        comment.heldForReview = false;
        draw();
        announce('Comment approved');
      }).catch((e) => context.messages.append(errorBox(e))));
      actions.append(approve);
    }
    if (own || canManage) {
      const remove = h('button', { type: 'button', class: 'link-button link-danger comment-delete' }, 'Delete');
      remove.addEventListener('click', () => {
        if (!confirm('Delete this comment?')) return;
        busy(remove, async () => {
          await api(`/videos/${video.uuid}/comments/${comment.id}`, { method: 'DELETE', headers });
          const hasReplies = comment.totalReplies > 0 || item.querySelector('.comment-replies > li');
          if (hasReplies) {
            comment.isDeleted = true;
            draw();
          } else {
            item.remove();
          }
          context.counted(-1);
          announce('Comment deleted');
        }).catch((e) => context.messages.append(errorBox(e)));
      });
      actions.append(remove);
    }
  };
  draw();
  item.append(h('span', { class: 'avatar', 'aria-hidden': 'true' }, (account ? account.displayName || account.name : '?').slice(0, 1).toUpperCase()),
    h('div', { class: 'comment-main' }, body, actions));
  // replies and forms go inside the comment's main column
  item.column = item.querySelector('.comment-main');
  return item;
}
