/**
 * Reading WeCom's XML safely: no DTDs, no entities, flat {@code <xml>} documents only.
 */
package io.wecomsync.wx.xml;
