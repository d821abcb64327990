/** The message protocol between content scripts, the background and extension pages. */
export * from './protocol';
export { validateRequest, checkPlainJson, type Validation } from './validate';
export { classifySender, isTrustedSender, type MessageSenderLike, type SenderContext } from './sender';
export { handleRequest, receiveMessage, type RequestContext } from './router';
