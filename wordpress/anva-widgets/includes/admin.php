<?php
/**
 * Settings → ANVA widgets: administrators only (manage_options). WordPress's options.php checks
 * the capability and the nonce that settings_fields() prints.
 *
 * @package AnvaWidgets
 */

defined( 'ABSPATH' ) || exit;

add_action(
	'admin_menu',
	function () {
		add_options_page( __( 'ANVA widgets', 'anva-widgets' ), __( 'ANVA widgets', 'anva-widgets' ), 'manage_options', 'anva-widgets', 'anva_widgets_settings_page' );
	}
);

add_filter(
	'plugin_action_links_' . plugin_basename( ANVA_WIDGETS_FILE ),
	function ( $links ) {
		array_unshift( $links, '<a href="' . esc_url( admin_url( 'options-general.php?page=anva-widgets' ) ) . '">' . esc_html__( 'Settings', 'anva-widgets' ) . '</a>' );
		return $links;
	}
);

/** One text field of the form. */
function anva_widgets_text_field( $key, $settings, $help, $type = 'text', $placeholder = '' ) {
	$id = 'anva-widgets-' . $key;
	printf(
		'<tr><th scope="row"><label for="%1$s">%2$s</label></th><td><input type="%3$s" id="%1$s" name="%4$s[%5$s]" value="%6$s" class="regular-text code" placeholder="%7$s" aria-describedby="%1$s-help" autocomplete="off" spellcheck="false"><p class="description" id="%1$s-help">%8$s</p></td></tr>',
		esc_attr( $id ),
		esc_html( anva_widgets_label( $key ) ),
		esc_attr( $type ),
		esc_attr( ANVA_WIDGETS_OPTION ),
		esc_attr( $key ),
		esc_attr( $settings[ $key ] ),
		esc_attr( $placeholder ),
		esc_html( $help )
	);
}

/** One choice of the form. */
function anva_widgets_select_field( $key, $settings, $choices, $help ) {
	$id = 'anva-widgets-' . $key;
	printf( '<tr><th scope="row"><label for="%1$s">%2$s</label></th><td><select id="%1$s" name="%3$s[%4$s]" aria-describedby="%1$s-help">', esc_attr( $id ), esc_html( anva_widgets_label( $key ) ), esc_attr( ANVA_WIDGETS_OPTION ), esc_attr( $key ) );
	foreach ( $choices as $value => $label ) {
		printf( '<option value="%s"%s>%s</option>', esc_attr( $value ), selected( $settings[ $key ], $value, false ), esc_html( $label ) );
	}
	printf( '</select><p class="description" id="%s-help">%s</p></td></tr>', esc_attr( $id ), esc_html( $help ) );
}

/** A read-only value to copy; a long one gets a few lines, so it is seen whole. */
function anva_widgets_copy_field( $id, $label, $value, $help, $rows = 1 ) {
	printf(
		'<tr><th scope="row"><label for="%1$s">%2$s</label></th><td><textarea id="%1$s" rows="%5$d" class="large-text code" readonly aria-describedby="%1$s-help">%3$s</textarea><p class="description" id="%1$s-help">%4$s</p></td></tr>',
		esc_attr( $id ),
		esc_html( $label ),
		esc_textarea( $value ),
		esc_html( $help ),
		(int) $rows
	);
}

function anva_widgets_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'Sorry, you are not allowed to manage these settings.', 'anva-widgets' ), 403 );
	}
	$settings      = anva_widgets_settings();
	list( , $own ) = anva_widgets_script();
	?>
	<div class="wrap">
		<h1><?php esc_html_e( 'ANVA widgets', 'anva-widgets' ); ?></h1>
		<p><?php esc_html_e( 'These settings decide where your customers sign in and where their data comes from. Only administrators can change them; editors place the widgets as blocks or shortcodes.', 'anva-widgets' ); ?></p>
		<form method="post" action="options.php" novalidate>
			<?php settings_fields( 'anva_widgets' ); ?>
			<h2><?php esc_html_e( 'Connection to ANVA Hub', 'anva-widgets' ); ?></h2>
			<table class="form-table" role="presentation">
				<?php
				anva_widgets_text_field( 'authority', $settings, __( 'The OpenID Connect issuer of ANVA Hub, as ANVA gave it to you.', 'anva-widgets' ), 'url', 'https://login.example-hub.nl' );
				anva_widgets_text_field( 'client_id', $settings, __( 'Your website’s client id at ANVA Hub.', 'anva-widgets' ) );
				anva_widgets_text_field( 'api_base', $settings, __( 'The customer API; the only address that ever receives a customer’s token.', 'anva-widgets' ), 'url', 'https://api.example-hub.nl' );
				anva_widgets_text_field( 'organization', $settings, __( 'Optional: your organisation’s id or code, so customers with several brokers see only your dossier.', 'anva-widgets' ) );
				?>
			</table>
			<h2><?php esc_html_e( 'Wording', 'anva-widgets' ); ?></h2>
			<table class="form-table" role="presentation">
				<?php
				anva_widgets_select_field(
					'lang',
					$settings,
					array(
						'nl' => __( 'Dutch', 'anva-widgets' ),
						'en' => __( 'English', 'anva-widgets' ),
					),
					__( 'A block can choose another language for itself.', 'anva-widgets' )
				);
				anva_widgets_select_field(
					'tone',
					$settings,
					array(
						'formal'   => __( 'Formal (u)', 'anva-widgets' ),
						'informal' => __( 'Informal (je)', 'anva-widgets' ),
					),
					__( 'How the Dutch texts address your customer.', 'anva-widgets' )
				);
				anva_widgets_text_field( 'currency', $settings, __( 'ISO 4217 code for premiums and amounts; ANVA sends amounts without a currency.', 'anva-widgets' ), 'text', 'EUR' );
				?>
			</table>
			<h2><?php esc_html_e( 'Session and script', 'anva-widgets' ); ?></h2>
			<table class="form-table" role="presentation">
				<?php
				anva_widgets_select_field(
					'storage',
					$settings,
					array(
						'session' => __( 'Per browser tab (sessionStorage)', 'anva-widgets' ),
						'memory'  => __( 'Page memory only (sign in again after a reload)', 'anva-widgets' ),
					),
					__( 'Where the sign-in lives in the customer’s browser; never in localStorage.', 'anva-widgets' )
				);
				/* translators: %s: the sha384 integrity of the plugin's own copy of the script. */
				anva_widgets_text_field( 'script_src', $settings, sprintf( __( 'Optional: an https address with the version in it. Empty: the plugin’s own copy (%s).', 'anva-widgets' ), $own ? $own : __( 'missing', 'anva-widgets' ) ), 'url', 'https://cdn.example.nl/anva-widgets/0.1.0/anva-widgets.js' );
				anva_widgets_text_field( 'integrity', $settings, __( 'The sha384-… hash printed by the build; required with a CDN address.', 'anva-widgets' ) );
				?>
			</table>
			<?php submit_button(); ?>
		</form>
		<h2><?php esc_html_e( 'Register your website at ANVA Hub', 'anva-widgets' ); ?></h2>
		<p><?php esc_html_e( 'Give ANVA these values for your client id. Customers who sign in come back to the page they started from.', 'anva-widgets' ); ?></p>
		<table class="form-table" role="presentation">
			<?php
			anva_widgets_copy_field( 'anva-widgets-redirect-uri', __( 'Redirect URI', 'anva-widgets' ), anva_widgets_redirect_uri(), __( 'Exactly as shown.', 'anva-widgets' ) );
			anva_widgets_copy_field( 'anva-widgets-logout-uri', __( 'Post-logout redirect URI', 'anva-widgets' ), anva_widgets_redirect_uri(), __( 'Where customers land after signing out.', 'anva-widgets' ) );
			anva_widgets_copy_field( 'anva-widgets-origin', __( 'Allowed origin (CORS)', 'anva-widgets' ), anva_widgets_origin( home_url() ), __( 'Your website’s origin.', 'anva-widgets' ) );
			anva_widgets_copy_field( 'anva-widgets-csp', __( 'Content-Security-Policy', 'anva-widgets' ), anva_widgets_csp(), __( 'A strict policy for pages with widgets; the plugin’s readme shows how to send it.', 'anva-widgets' ), 4 );
			?>
		</table>
	</div>
	<?php
}
