<?php
/**
 * Installs WordPress into the throwaway site, creates one user per role with an application
 * password, switches to the test theme and activates the plugin. Prints the users as JSON.
 */
define( 'WP_INSTALLING', true );
$_SERVER['HTTP_HOST'] = '127.0.0.1';
require $argv[1] . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

wp_install( 'Verzekeringen De Vries', 'admin', 'admin@example.test', false, '', 'admin-pass-123' );
update_option( 'permalink_structure', '/%postname%/' );
switch_theme( 'anva-test' );

$users = array( 'admin' => 1 );
foreach ( array( 'editor', 'author', 'contributor' ) as $role ) {
	$users[ $role ] = wp_insert_user(
		array(
			'user_login' => $role,
			'user_pass'  => "$role-pass-123",
			'user_email' => "$role@example.test",
			'role'       => $role,
		)
	);
}
$out = array();
foreach ( $users as $login => $id ) {
	list( $password ) = WP_Application_Passwords::create_new_application_password( $id, array( 'name' => 'test' ) );
	$out[ $login ]    = array(
		'id'          => $id,
		'password'    => "$login-pass-123",
		'appPassword' => $password,
	);
}
$activated = activate_plugin( 'anva-widgets/anva-widgets.php' );
if ( is_wp_error( $activated ) ) {
	fwrite( STDERR, $activated->get_error_message() );
	exit( 1 );
}
flush_rewrite_rules( false );
echo wp_json_encode( $out );
