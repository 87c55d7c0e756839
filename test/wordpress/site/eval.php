<?php
/** Runs PHP code inside WordPress (a stand-in for `wp eval`): php eval.php <site> '<code>'. */
$_SERVER['HTTP_HOST'] = '127.0.0.1';
require $argv[1] . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
eval( $argv[2] ); // phpcs:ignore Squiz.PHP.Eval.Discouraged -- a test tool.
