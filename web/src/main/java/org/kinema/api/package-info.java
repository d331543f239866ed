/**
 * PeerTube's REST API v1 at {@code /api/v1}: each sub-package is one feature's resources and
 * JSON shapes; {@code platform} holds what every resource shares (JSON mapping, errors,
 * authentication). Resources parse and validate, call one domain service, and map the result.
 */
package org.kinema.api;
