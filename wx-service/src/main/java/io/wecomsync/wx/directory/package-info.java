/**
 * What wx-service takes from each corp's WeCom directory, per corp and changeable at run time: which
 * custom attribute is the employee number (工号) and which others map onto named MDM fields
 * ({@code wx.directory.corps.<corpId>.*}), and which department subtrees it syncs (its scope).
 */
package io.wecomsync.wx.directory;
