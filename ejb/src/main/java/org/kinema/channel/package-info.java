/**
 * Video channels: the Group actors that own videos, each belonging to one account. Knows
 * accounts (its owner) but not how users log in, nor HTTP.
 */
package org.kinema.channel;
